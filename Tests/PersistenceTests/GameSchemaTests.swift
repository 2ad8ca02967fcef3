import CSQLite
import Foundation
import Testing

@testable import Persistence

/// `Migrations/0006_games.sql`: it applies on top of a database at version 5 without touching what is there,
/// enforces what the store relies on, and every store query searches an index.
@Suite struct GameSchemaTests {
    /// A row of `games` for raw SQL with the reason `reason` (quoted by the caller).
    static func insert(id: String, reason: String) -> String {
        """
        INSERT INTO games VALUES ('\(id)', NULL, NULL, -1, '{}', 'u-a', 'a', 'u-b', 'b', 5, 0, 'u-a', \(reason),
            1, 2, 1, 60, x'00ff')
        """
    }

    @Test func reasonIsCheckedAndTypesAreStrict() throws {
        try MigrationsTests.withMigratedFile { db throws in
            for reason in ["score", "forfeit", "abandoned"] {
                try db.execute(Self.insert(id: "g-\(reason)", reason: "'\(reason)'"))
            }
            let check = SQLITE_CONSTRAINT | (1 << 8)
            let notNull = SQLITE_CONSTRAINT | (5 << 8)
            let cases: [(String, Int32)] = [
                (Self.insert(id: "g-1", reason: "'timeout'"), check),
                (Self.insert(id: "g-2", reason: "'Score'"), check),  // case matters
                (Self.insert(id: "g-3", reason: "''"), check),
                (Self.insert(id: "g-4", reason: "NULL"), notNull),
                (Self.insert(id: "g-score", reason: "'score'"), SQLITE_CONSTRAINT | (6 << 8)),  // PRIMARY KEY
                ("INSERT INTO games (id, reason) VALUES ('g-5', 'score')", notNull),
                // STRICT: text in an INTEGER column, a number in the BLOB column (SQLITE_CONSTRAINT_DATATYPE).
                (Self.insert(id: "g-6", reason: "'score'").replacingOccurrences(of: "-1,", with: "'x',"),
                 SQLITE_CONSTRAINT | (12 << 8)),
                (Self.insert(id: "g-7", reason: "'score'").replacingOccurrences(of: "x'00ff'", with: "7"),
                 SQLITE_CONSTRAINT | (12 << 8)),
            ]
            for (sql, code) in cases {
                let error = #expect(throws: SQLiteError.self, "\(sql)") { try db.execute(sql) }
                #expect(error?.extendedCode == code, "\(sql): \(String(describing: error))")
            }
            #expect(try db.query("SELECT count(*) FROM games") == [[.integer(3)]])
            let stored = try SQLiteGameStore(connection: db).game(id: "g-forfeit")
            #expect(stored?.reason == .forfeit && stored?.seed == .max && stored?.inputs == [0, 0xFF])
        }
    }

    @Test func aReasonSmuggledPastTheCheckIsAnErrorNotAGuess() throws {
        try MigrationsTests.withMigratedFile { db throws in
            try db.execute("PRAGMA ignore_check_constraints = ON")
            try db.execute(Self.insert(id: "g-bad", reason: "'timeout'"))
            let error = #expect(throws: SQLiteError.self) { try SQLiteGameStore(connection: db).game(id: "g-bad") }
            #expect(error?.code == SQLITE_MISMATCH)
        }
    }

    @Test func appliesOnTopOfVersion5WithoutTouchingItsRows() throws {
        try TemporaryDirectory.with { directory throws in
            let older = directory.appendingPathComponent("older", isDirectory: true)
            try FileManager.default.createDirectory(at: older, withIntermediateDirectories: true)
            let names = [
                "0001_users.sql", "0002_friends.sql", "0003_direct_messages.sql", "0004_lobby_chat.sql",
                "0005_saved_lobbies.sql",
            ]
            for name in names {
                try FileManager.default.copyItem(
                    at: StoreBackend.migrations.appendingPathComponent(name), to: older.appendingPathComponent(name))
            }
            let before = try SQLiteStorage.open(
                path: directory.appendingPathComponent("upgrade.sqlite").path, migrationsDirectory: older)
            try Self.fill(before.stores)
            let db = before.connection
            #expect(try db.query("SELECT count(*) FROM sqlite_master WHERE name LIKE 'games%'") == [[.integer(0)]])
            let schema = "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name"
            let oldSchema = try db.query(schema)
            let oldRows = try Self.everyRow(db)
            #expect(oldRows.values.allSatisfy { !$0.isEmpty })

            let applied = try Migrator(directory: StoreBackend.migrations).migrate(db)
            #expect(applied.map(\.version) == [6] && applied.map(\.name) == ["games"])
            // Every object and row of version 5 is as it was; only the games objects and the migration's own
            // record are new.
            #expect(try db.query(schema).filter { !"\($0[1])".contains("games") } == oldSchema)
            var newRows = try Self.everyRow(db)
            #expect(newRows.removeValue(forKey: "games") == [])
            #expect(newRows["schema_migrations"]?.count == 6)
            newRows["schema_migrations"]?.removeLast()
            #expect(newRows == oldRows)
            let indexes = try db.query("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'games'")
            #expect(Set(indexes.map { "\($0[0])" }).count == 4)  // the primary key's and the three of the file

            let after = SQLiteStorage(connection: db)
            let game = GameStoreTests.game("g-1", match: "m-1")
            #expect(try after.stores.games.record(game))
            #expect(try after.stores.games.game(id: "g-1") == game)
            #expect(try db.query("PRAGMA foreign_key_check").isEmpty)
            #expect(try db.query("PRAGMA integrity_check") == [[.text("ok")]])
        }
    }

    /// Puts rows in every table of version 5.
    static func fill(_ stores: Stores) throws {
        try stores.addUsers("u-alice", "u-bob", "u-carol")
        try stores.friends.makeFriends("u-alice", "u-bob", since: 5)
        try stores.friends.addRequest(from: "u-carol", to: "u-alice", at: 6)
        let message = try stores.messages.append(
            sender: "u-alice", recipient: "u-bob", text: "kept", sentAt: 7, clientId: "k")
        try stores.messages.markRead(reader: "u-bob", other: "u-alice", messageId: message.id, at: 8)
        let chat = try stores.lobbyChat.append(
            lobbyId: "l-1", userId: "u-alice", username: "alice", text: "hi", sentAt: 9, clientId: nil)
        try stores.lobbyChat.markRead(lobbyId: "l-1", userId: "u-bob", messageId: chat.id, at: 10)
        _ = try stores.lobbyChat.append(
            lobbyId: "l-2", userId: "u-bob", username: "bob", text: "gone", sentAt: 11, clientId: nil)
        try stores.lobbyChat.prune(lobbyId: "l-2", keepLast: 0, olderThan: nil)  // records l-2's sequence
        try stores.savedLobbies.replaceAll([SavedLobby(lobbyId: "l-1", snapshot: #"{"id":"l-1"}"#, savedAt: 12)])
    }

    /// Every row of every table, by table name, in a fixed order.
    static func everyRow(_ db: SQLiteConnection) throws -> [String: [[SQLiteValue]]] {
        let tables = try db.query(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        var rows: [String: [[SQLiteValue]]] = [:]
        for case .text(let table) in tables.map({ $0[0] }) {
            rows[table] = try db.query("SELECT * FROM \"\(table)\"").sorted { "\($0)" < "\($1)" }
        }
        return rows
    }

    /// The store's statements (parameters bound to 'g'), each with the index it must search.
    static let plans: [(String, [String])] = [
        ("SELECT \(SQLiteGameStore.columns) FROM games WHERE id = ?", ["sqlite_autoindex_games_1 (id=?)"]),
        (
            SQLiteGameStore.gamesOfUserSQL,
            [
                "games_by_left_user (left_user_id=? AND ended_at<?)",
                "games_by_right_user (right_user_id=? AND ended_at<?)",
            ]
        ),
        (SQLiteGameStore.gamesOfMatchSQL, ["games_by_tournament_match (tournament_match_id=?)"]),
    ]

    @Test func storeQueriesSearchIndexesInsteadOfScanningOrSorting() throws {
        try MigrationsTests.withMigratedFile { db throws in
            for (sql, indexes) in Self.plans {
                let explain = "EXPLAIN QUERY PLAN " + sql
                let parameters = try db.prepare(explain, cached: false).parameterCount
                let rows = try db.query(explain, Array(repeating: "g", count: parameters))
                let plan = rows.map { if case .text(let step) = $0[3] { step } else { "?" } }.joined(separator: " | ")
                for index in indexes { #expect(plan.contains(index), "\(sql): \(plan)") }
                #expect(!plan.contains("SCAN games") && !plan.contains("TEMP B-TREE"), "\(sql): \(plan)")
            }
        }
    }
}
