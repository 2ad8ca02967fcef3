import CSQLite
import Foundation
import Testing

@testable import Persistence

/// `Migrations/0004_lobby_chat.sql`: it applies on top of a database already at version 3, enforces what the
/// store relies on, and every store query is a search of an index, never a scan of the table.
@Suite struct LobbyChatSchemaTests {
    @Test func appliesOnTopOfTheFirstThreeMigrations() throws {
        try TemporaryDirectory.with { directory throws in
            let older = directory.appendingPathComponent("older", isDirectory: true)
            try FileManager.default.createDirectory(at: older, withIntermediateDirectories: true)
            for name in ["0001_users.sql", "0002_friends.sql", "0003_direct_messages.sql"] {
                try FileManager.default.copyItem(
                    at: StoreBackend.migrations.appendingPathComponent(name), to: older.appendingPathComponent(name))
            }
            let path = directory.appendingPathComponent("upgrade.sqlite").path
            let before = try SQLiteStorage.open(path: path, migrationsDirectory: older)
            let lobbyTables = "SELECT count(*) FROM sqlite_master WHERE name LIKE 'lobby%'"
            #expect(try before.connection.query(lobbyTables) == [[.integer(0)]])
            try before.stores.addUsers("u-alice", "u-bob")
            _ = try before.stores.messages.append(
                sender: "u-alice", recipient: "u-bob", text: "kept", sentAt: 1, clientId: "k")

            let db = before.connection
            let applied = try Migrator(directory: StoreBackend.migrations).migrate(db)
            #expect(applied.map(\.version) == [4, 5, 6])
            #expect(applied.map(\.name) == ["lobby_chat", "saved_lobbies", "games"])
            #expect(try db.query(lobbyTables) == [[.integer(4)]])  // 3 tables and the client-id index
            let after = SQLiteStorage(connection: db)
            let page = try after.stores.messages.history(between: "u-alice", and: "u-bob", cursor: .latest, limit: 9)
            #expect(page.messages.map(\.text) == ["kept"])
            let stored = try after.stores.lobbyChat.append(
                lobbyId: "l-x", userId: "u-alice", username: "alice", text: "hi", sentAt: 2, clientId: "k")
            #expect(stored.id == 1)
            #expect(try db.query("PRAGMA foreign_key_check").isEmpty)
            #expect(try db.query("PRAGMA integrity_check") == [[.text("ok")]])
        }
    }

    @Test func constraintsHoldWithoutTheStore() throws {
        try MigrationsTests.withMigratedFile { db throws in
            try db.execute("INSERT INTO lobby_messages VALUES ('l', 1, 'a', 'alice', 'x', 1, 'k')")
            let cases: [(String, Int32)] = [
                ("INSERT INTO lobby_messages VALUES ('l', 1, 'b', 'bob', 'y', 1, NULL)", SQLITE_CONSTRAINT | (6 << 8)),
                ("INSERT INTO lobby_messages VALUES ('l', 2, 'a', 'alice', 'y', 1, 'k')", SQLITE_CONSTRAINT | (8 << 8)),
                (
                    "INSERT INTO lobby_messages VALUES ('l', 0, 'a', 'alice', 'y', 1, NULL)",
                    SQLITE_CONSTRAINT | (1 << 8)
                ),
                ("INSERT INTO lobby_messages VALUES ('l', 3, 'a', NULL, 'y', 1, NULL)", SQLITE_CONSTRAINT | (5 << 8)),
                ("INSERT INTO lobby_messages VALUES ('l', 'x', 'a', 'a', 'y', 1, NULL)", SQLITE_CONSTRAINT | (12 << 8)),
                ("INSERT INTO lobby_read_markers VALUES ('l', 'a', 'one', 1)", SQLITE_CONSTRAINT | (12 << 8)),
            ]
            for (sql, code) in cases {
                let error = #expect(throws: SQLiteError.self, "\(sql)") { try db.execute(sql) }
                #expect(error?.extendedCode == code, "\(sql): \(String(describing: error))")
            }
            // NULL client ids never collide.
            try db.execute(
                """
                INSERT INTO lobby_messages VALUES ('l', 2, 'a', 'alice', 'y', 1, NULL),
                    ('l', 3, 'a', 'alice', 'z', 1, NULL)
                """)
        }
    }

    /// The store's statements (parameters all bound to 'l'), with the index each must search.
    static let plans: [(String, String)] = [
        (
            "INSERT INTO lobby_messages VALUES (?1, 1 + \(SQLiteLobbyChatStore.lastIdExpression), ?1, ?1, ?1, 1, ?1)",
            "lobby_message_sequences USING PRIMARY KEY (lobby_id=?)"
        ),
        (
            "SELECT * FROM lobby_messages WHERE lobby_id = 'l' AND message_id < 9 ORDER BY message_id DESC LIMIT 5",
            "PRIMARY KEY (lobby_id=? AND message_id<?)"
        ),
        (
            "SELECT * FROM lobby_messages WHERE lobby_id = ? AND user_id = ? AND client_id = ?",
            "lobby_messages_by_client_id"
        ),
        (
            "SELECT count(*) FROM lobby_messages WHERE lobby_id = 'l' AND message_id > 3",
            "PRIMARY KEY (lobby_id=? AND message_id>?)"
        ),
        (
            "SELECT message_id FROM lobby_messages WHERE lobby_id = 'l' AND sent_at >= 5 ORDER BY message_id LIMIT 1",
            "PRIMARY KEY (lobby_id=?)"
        ),
        (
            "DELETE FROM lobby_messages WHERE lobby_id = 'l' AND message_id <= 4",
            "PRIMARY KEY (lobby_id=? AND message_id<?)"
        ),
        ("SELECT min(lobby_id) FROM lobby_messages WHERE lobby_id > 'l'", "PRIMARY KEY (lobby_id>?)"),
        (
            "SELECT * FROM lobby_read_markers WHERE lobby_id = 'l' AND user_id = 'a'",
            "PRIMARY KEY (lobby_id=? AND user_id=?)"
        ),
        (SQLiteLobbyChatStore.unreadCountsSQL(users: 3), "SEARCH m USING PRIMARY KEY (lobby_id=? AND message_id>?)"),
    ]

    @Test func storeQueriesSearchIndexesInsteadOfScanning() throws {
        try MigrationsTests.withMigratedFile { db throws in
            for (sql, index) in Self.plans {
                let explain = "EXPLAIN QUERY PLAN " + sql
                let parameters = try db.prepare(explain, cached: false).parameterCount
                let rows = try db.query(explain, Array(repeating: "l", count: parameters))
                let plan = rows.map { if case .text(let step) = $0[3] { step } else { "?" } }.joined(separator: " | ")
                #expect(plan.contains(index), "\(sql): \(plan)")
                // The only scan allowed is of the statement's own VALUES list.
                #expect(!plan.contains("SCAN lobby") && !plan.contains("SCAN m"), "\(sql): \(plan)")
                #expect(!plan.contains("TEMP B-TREE"), "\(sql): \(plan)")
            }
        }
    }
}
