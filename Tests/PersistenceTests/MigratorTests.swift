import Foundation
import Testing

@testable import Persistence

@Suite struct MigratorTests {
    static let files = [
        "0001_players.sql": "CREATE TABLE players (id INTEGER PRIMARY KEY, name TEXT NOT NULL);",
        "0002_scores.sql": """
        CREATE TABLE scores (player INTEGER NOT NULL REFERENCES players(id), points INTEGER);
        CREATE INDEX scores_player ON scores(player);
        """,
        "0003_seed.sql": "INSERT INTO players (name) VALUES ('first');",
        "README.md": "ignored: not a .sql file",
    ]

    /// Runs `body` with a migrations directory holding `files` and a connection of the given kind.
    func withSetup(
        _ database: TestDatabase, files: [String: String] = MigratorTests.files,
        _ body: (Migrator, SQLiteConnection, URL) throws -> Void
    ) throws {
        try TemporaryDirectory.with { directory throws in
            try TemporaryDirectory.write(files, into: directory)
            try database.with { db throws in try body(Migrator(directory: directory), db, directory) }
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func appliesInOrderExactlyOnce(database: TestDatabase) throws {
        try withSetup(database) { migrator, db, _ throws in
            let applied = try migrator.migrate(db, now: { 1_700_000_000 })
            #expect(applied.map(\.version) == [1, 2, 3])
            #expect(applied.map(\.name) == ["players", "scores", "seed"])
            #expect(
                try db.query("SELECT version, name, applied_at FROM schema_migrations ORDER BY version") == [
                    [.integer(1), .text("players"), .integer(1_700_000_000)],
                    [.integer(2), .text("scores"), .integer(1_700_000_000)],
                    [.integer(3), .text("seed"), .integer(1_700_000_000)],
                ])
            #expect(try db.query("SELECT name FROM players") == [[.text("first")]])
            // A second run applies nothing (the seed row would otherwise be inserted twice).
            #expect(try migrator.migrate(db).isEmpty)
            #expect(try db.query("SELECT count(*) FROM players") == [[.integer(1)]])
            #expect(try Migrator.appliedMigrations(db) == [1: "players", 2: "scores", 3: "seed"])
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func newFilesAreAppliedLater(database: TestDatabase) throws {
        try withSetup(database, files: ["0001_players.sql": Self.files["0001_players.sql"]!]) {
            migrator, db, dir throws in
            #expect(try migrator.migrate(db).map(\.version) == [1])
            try TemporaryDirectory.write(["0002_more.sql": "ALTER TABLE players ADD COLUMN rating INTEGER;"], into: dir)
            #expect(try migrator.migrate(db).map(\.version) == [2])
            #expect(
                try db.query("SELECT count(*) FROM pragma_table_info('players') WHERE name = 'rating'") == [
                    [.integer(1)]
                ])
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func failingMigrationRollsBackAndLeavesNoRow(database: TestDatabase) throws {
        var files = Self.files
        files["0002_scores.sql"] = "CREATE TABLE scores (points INTEGER); INSERT INTO nowhere VALUES (1);"
        try withSetup(database, files: files) { migrator, db, _ throws in
            let error = #expect(throws: MigrationError.self) { try migrator.migrate(db) }
            guard case .failed(let version, let name, let sqliteError) = error else {
                Issue.record("expected .failed, got \(String(describing: error))")
                return
            }
            #expect(version == 2 && name == "scores")
            #expect(sqliteError.message.contains("nowhere"))
            #expect(sqliteError.sql == files["0002_scores.sql"])
            #expect(try Migrator.appliedMigrations(db) == [1: "players"])
            // The table created before the failing statement was rolled back with it.
            #expect(try db.query("SELECT name FROM sqlite_master WHERE name = 'scores'").isEmpty)
            #expect(!db.isInTransaction)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func scriptThatCommitsItselfIsRefusedAndLeavesNothing(database: TestDatabase) throws {
        let script = "CREATE TABLE x (a); COMMIT; CREATE TABLE y (b); BEGIN;"
        try withSetup(database, files: ["0001_bad.sql": script]) { migrator, db, _ throws in
            let error = #expect(throws: MigrationError.self) { try migrator.migrate(db) }
            guard case .failed(1, "bad", let sqliteError) = error else {
                Issue.record("expected .failed, got \(String(describing: error))")
                return
            }
            #expect(sqliteError.isConstraintViolation)  // SQLITE_CONSTRAINT_COMMITHOOK
            #expect(try db.query("SELECT name FROM sqlite_master WHERE name IN ('x', 'y')").isEmpty)
            #expect(try Migrator.appliedMigrations(db).isEmpty)
            #expect(!db.isInTransaction)
        }
    }

    @Test func scriptThatRollsBackItselfIsRefused() throws {
        try withSetup(.memory, files: ["0001_bad.sql": "ROLLBACK;"]) { migrator, db, _ throws in
            let error = #expect(throws: MigrationError.self) { try migrator.migrate(db) }
            guard case .scriptEndedTransaction(1, "bad") = error else {
                Issue.record("expected .scriptEndedTransaction, got \(String(describing: error))")
                return
            }
            #expect(try Migrator.appliedMigrations(db).isEmpty)
        }
    }

    @Test(arguments: [
        (["0001_a.sql": "", "0001_b.sql": ""], "duplicateVersion"),
        (["0001_a.sql": "", "00001_b.sql": ""], "duplicateVersion"),
        (["0001_a.sql": "", "0003_c.sql": ""], "missingVersion"),
        (["0002_b.sql": ""], "missingVersion"),
        (["0001-a.sql": ""], "invalidFileName"),
        (["001_a.sql": ""], "invalidFileName"),
        (["0001_Chat.sql": ""], "invalidFileName"),
        (["0001_.sql": ""], "invalidFileName"),
        (["0001_a b.sql": ""], "invalidFileName"),
        (["abcd_a.sql": ""], "invalidFileName"),
    ])
    func refusesBadDirectories(files: [String: String], expected: String) throws {
        try withSetup(.memory, files: files) { migrator, db, _ throws in
            let error = #expect(throws: MigrationError.self) { try migrator.migrate(db) }
            // The case name (every case has a payload, so the mirror's child label is the case).
            let caseName = error.flatMap { Mirror(reflecting: $0).children.first?.label }
            #expect(caseName == expected, "\(String(describing: error))")
            // Nothing was applied: the directory is checked before any migration runs.
            #expect(try Migrator.appliedMigrations(db).isEmpty)
        }
    }

    @Test func gapReportsTheFirstMissingVersion() throws {
        try TemporaryDirectory.with { directory throws in
            try TemporaryDirectory.write(["0001_a.sql": "", "0002_b.sql": "", "0004_d.sql": ""], into: directory)
            let error = #expect(throws: MigrationError.self) { try Migrator(directory: directory).migrations() }
            guard case .missingVersion(3) = error else {
                Issue.record("expected missingVersion(3), got \(String(describing: error))")
                return
            }
        }
    }

    @Test func refusesRenamedOrUnknownAppliedMigrations() throws {
        try withSetup(.memory) { migrator, db, dir throws in
            try migrator.migrate(db)
            try FileManager.default.moveItem(
                at: dir.appendingPathComponent("0003_seed.sql"), to: dir.appendingPathComponent("0003_renamed.sql"))
            let renamed = #expect(throws: MigrationError.self) { try migrator.migrate(db) }
            guard case .nameMismatch(3, "seed", "renamed") = renamed else {
                Issue.record("expected nameMismatch, got \(String(describing: renamed))")
                return
            }
            try FileManager.default.removeItem(at: dir.appendingPathComponent("0003_renamed.sql"))
            let unknown = #expect(throws: MigrationError.self) { try migrator.migrate(db) }
            guard case .unknownAppliedVersion(3, "seed") = unknown else {
                Issue.record("expected unknownAppliedVersion, got \(String(describing: unknown))")
                return
            }
        }
    }

    @Test func errorsDescribeThemselves() {
        #expect(MigrationError.missingVersion(2).description.contains("2"))
        #expect(MigrationError.invalidFileName("x.sql").description.contains("x.sql"))
        #expect(MigrationError.directoryNotFound(searched: ["/a", "/b"]).description.contains("/a, /b"))
    }

    @Test func fileNameParsing() {
        #expect(Migration.parse(fileName: "0001_chat_messages.sql")! == (1, "chat_messages"))
        #expect(Migration.parse(fileName: "12345_x2.sql")! == (12345, "x2"))
        #expect(Migration.parse(fileName: "0001_chat.SQL") == nil)
        #expect(Migration.parse(fileName: "0001_chat.sql.bak") == nil)
        #expect(Migration.parse(fileName: "０００１_x.sql") == nil)  // full-width digits
    }
}
