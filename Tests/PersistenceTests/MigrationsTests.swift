import CSQLite
import Foundation
import Testing

@testable import Persistence

/// The repository's `Migrations/*.sql` on a fresh file: they apply in order, once, and the schema enforces what
/// the stores rely on.
@Suite struct MigrationsTests {
    /// Runs `body` with a freshly migrated connection to a temporary file.
    static func withMigratedFile(_ body: (SQLiteConnection) throws -> Void) throws {
        try TemporaryDirectory.with { directory throws in
            let db = try SQLiteConnection(path: directory.appendingPathComponent("schema.sqlite").path)
            let applied = try Migrator(directory: StoreBackend.migrations).migrate(db)
            #expect(
                applied.map(\.name) == ["users", "friends", "direct_messages", "lobby_chat", "saved_lobbies", "games"])
            try body(db)
        }
    }

    @Test func applyOnceOnAFreshFile() throws {
        try Self.withMigratedFile { db throws in
            #expect(
                try Migrator.appliedMigrations(db)
                    == [
                        1: "users", 2: "friends", 3: "direct_messages", 4: "lobby_chat", 5: "saved_lobbies",
                        6: "games",
                    ])
            #expect(try Migrator(directory: StoreBackend.migrations).migrate(db).isEmpty)
            let tables = try db.query("SELECT name FROM sqlite_master WHERE type = 'table'").map { $0[0] }
            let all = [
                "users", "friendships", "friend_requests", "direct_messages", "dm_read_markers", "lobby_messages",
                "lobby_read_markers", "lobby_message_sequences", "saved_lobbies", "games",
            ]
            for table in all {
                #expect(tables.contains(.text(table)), "\(table)")
            }
            #expect(try db.query("PRAGMA foreign_key_check").isEmpty)
        }
    }

    @Test func constraintsHoldWithoutTheStores() throws {
        try Self.withMigratedFile { db throws in
            try db.execute("INSERT INTO users VALUES ('a', 'alice', 1, 1), ('b', 'bob', 1, 1)")
            let check = SQLITE_CONSTRAINT | (1 << 8)
            let foreignKey = SQLITE_CONSTRAINT | (3 << 8)
            let cases: [(String, Int32)] = [
                ("INSERT INTO friendships VALUES ('b', 'a', 1)", check),  // pair out of order
                ("INSERT INTO friendships VALUES ('a', 'a', 1)", check),
                ("INSERT INTO friendships VALUES ('a', 'z', 1)", foreignKey),
                ("INSERT INTO friend_requests VALUES ('a', 'a', 1)", check),
                ("INSERT INTO friend_requests VALUES ('z', 'a', 1)", foreignKey),
                ("INSERT INTO direct_messages (sender, recipient, text, sent_at) VALUES ('a', 'a', 'x', 1)", check),
                (
                    "INSERT INTO direct_messages (sender, recipient, text, sent_at) VALUES ('a', 'z', 'x', 1)",
                    foreignKey
                ),
                ("INSERT INTO dm_read_markers VALUES ('a', 'z', 1, 1)", foreignKey),
                // STRICT tables refuse text in an INTEGER column (SQLITE_CONSTRAINT_DATATYPE).
                ("INSERT INTO users VALUES ('c', 'carol', 'yesterday', 1)", SQLITE_CONSTRAINT | (12 << 8)),
            ]
            for (sql, code) in cases {
                let error = #expect(throws: SQLiteError.self, "\(sql)") { try db.execute(sql) }
                #expect(error?.extendedCode == code, "\(sql): \(String(describing: error))")
            }
        }
    }

    @Test func conversationColumnsAreDerivedAndIdsNeverReused() throws {
        try Self.withMigratedFile { db throws in
            try db.execute(
                """
                INSERT INTO users VALUES ('b', 'bob', 1, 1), ('a', 'alice', 1, 1);
                INSERT INTO direct_messages (sender, recipient, text, sent_at) VALUES ('b', 'a', 'x', 1), ('a', 'b', 'y', 2);
                """)
            #expect(
                try db.query("SELECT id, low_user, high_user FROM direct_messages ORDER BY id") == [
                    [.integer(1), .text("a"), .text("b")], [.integer(2), .text("a"), .text("b")],
                ])
            try db.execute("DELETE FROM direct_messages WHERE id = 2")
            try db.execute("INSERT INTO direct_messages (sender, recipient, text, sent_at) VALUES ('a', 'b', 'z', 3)")
            #expect(try db.query("SELECT max(id) FROM direct_messages") == [[.integer(3)]])  // AUTOINCREMENT
        }
    }

    @Test func storeQueriesUseTheIndexes() throws {
        try Self.withMigratedFile { db throws in
            let plans = [
                (
                    "SELECT id FROM direct_messages WHERE low_user = 'a' AND high_user = 'b' AND id < 9 ORDER BY id DESC",
                    "direct_messages_by_conversation"
                ),
                ("SELECT * FROM friendships WHERE user_b = 'a'", "friendships_by_user_b"),
                ("SELECT * FROM friend_requests WHERE to_user = 'a'", "friend_requests_by_to_user"),
                (
                    "SELECT id FROM direct_messages WHERE sender = 'a' AND client_id = 'k'",
                    "sqlite_autoindex_direct_messages"
                ),
            ]
            for (sql, index) in plans {
                let plan = try db.query("EXPLAIN QUERY PLAN " + sql).map { "\($0)" }.joined()
                #expect(plan.contains(index), "\(sql): \(plan)")
                #expect(!plan.contains("SCAN"), "\(sql): \(plan)")
            }
        }
    }
}
