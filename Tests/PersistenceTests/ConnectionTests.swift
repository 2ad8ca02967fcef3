import CSQLite
import Foundation
import Testing

@testable import Persistence

@Suite struct ConnectionTests {
    @Test(arguments: TestDatabase.allCases)
    func configurationOnOpen(database: TestDatabase) throws {
        try database.with { db throws in
            #expect(try db.pragma("foreign_keys") == "1")
            #expect(try db.pragma("busy_timeout") == "5000")
            if database == .file {
                #expect(!db.isInMemory)
                #expect(try db.pragma("journal_mode") == "wal")
                #expect(try db.pragma("synchronous") == "1")  // NORMAL
            } else {
                #expect(db.isInMemory)
                #expect(try db.pragma("journal_mode") == "memory")
            }
        }
    }

    @Test func walFilesAppearBesideTheDatabase() throws {
        try TemporaryDirectory.with { directory throws in
            let path = directory.appendingPathComponent("wal.sqlite").path
            let db = try SQLiteConnection(path: path)
            try db.execute("CREATE TABLE t (x INTEGER)")
            try db.run("INSERT INTO t VALUES (1)")
            #expect(FileManager.default.fileExists(atPath: path + "-wal"))
            // A second connection sees the committed row and the persistent WAL mode.
            let other = try SQLiteConnection(path: path)
            #expect(try other.query("SELECT x FROM t") == [[.integer(1)]])
            #expect(try other.pragma("journal_mode") == "wal")
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func statementCacheReturnsTheSameStatementReset(database: TestDatabase) throws {
        try database.with { db throws in
            try db.execute("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1), (2), (3);")
            let sql = "SELECT x FROM t WHERE x >= ? ORDER BY x"
            let first = try db.prepare(sql)
            try first.bind(2, at: 1)
            #expect(try first.step())
            #expect(first.int(0) == 2)
            let again = try db.prepare(sql)
            #expect(again === first)
            // Handed out reset with bindings cleared: NULL matches nothing.
            #expect(try again.step() == false)
            // Binding a stepped statement without reset is SQLite misuse, reported as an error.
            let misuse = #expect(throws: SQLiteError.self) { try again.bind(1, at: 1) }
            #expect(misuse?.code == SQLITE_MISUSE)
            again.reset()
            try again.bind(1, at: 1)
            #expect(try again.step() && again.int(0) == 1)
            let uncached = try db.prepare(sql, cached: false)
            #expect(uncached !== first)
            let before = db.cachedStatementCount
            db.clearStatementCache()
            #expect(before >= 1 && db.cachedStatementCount == 0)
            #expect(try db.prepare(sql) !== first)
        }
    }

    @Test func statementCacheIsBounded() throws {
        var options = SQLiteConnection.Options()
        options.statementCacheCapacity = 3
        let db = try SQLiteConnection(path: ":memory:", options: options)
        for i in 0..<10 { _ = try db.prepare("SELECT \(i)") }
        #expect(db.cachedStatementCount <= 3)
    }

    @Test(arguments: TestDatabase.allCases)
    func transactionCommitsAndRollsBack(database: TestDatabase) throws {
        struct Boom: Error {}
        try database.with { db throws in
            try db.execute("CREATE TABLE t (x INTEGER)")
            let value = try db.transaction {
                try db.run("INSERT INTO t VALUES (?)", [1])
                return 42
            }
            #expect(value == 42)
            #expect(throws: Boom.self) {
                try db.transaction {
                    try db.run("INSERT INTO t VALUES (?)", [2])
                    #expect(db.isInTransaction)
                    throw Boom()
                }
            }
            #expect(!db.isInTransaction)
            #expect(try db.query("SELECT x FROM t") == [[.integer(1)]])
            // Transactions do not nest.
            let nested = #expect(throws: SQLiteError.self) {
                try db.transaction { try db.transaction {} }
            }
            #expect(nested?.sql == "BEGIN IMMEDIATE")
            #expect(!db.isInTransaction)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func errorsCarryCodesMessageAndSQL(database: TestDatabase) throws {
        try database.with { db throws in
            let syntax = #expect(throws: SQLiteError.self) { try db.prepare("SELEC 1") }
            #expect(syntax?.code == SQLITE_ERROR)
            #expect(syntax?.sql == "SELEC 1")
            #expect(syntax?.message.contains("syntax error") == true)

            try db.execute("CREATE TABLE u (x INTEGER UNIQUE)")
            try db.run("INSERT INTO u VALUES (1)")
            let insert = "INSERT INTO u VALUES (?)"
            let unique = #expect(throws: SQLiteError.self) { try db.run(insert, [1]) }
            #expect(unique?.isConstraintViolation == true)
            #expect(unique?.extendedCode == SQLITE_CONSTRAINT | (8 << 8))
            #expect(unique?.sql == insert)
            #expect(unique?.description.contains("UNIQUE constraint failed: u.x") == true)
            // The failed statement was reset and can run again.
            #expect(try db.run(insert, [2]) == 1)

            let script = #expect(throws: SQLiteError.self) { try db.execute("CREATE TABLE v (x); BOGUS;") }
            #expect(script?.sql == "CREATE TABLE v (x); BOGUS;")
            #expect(script?.message.contains("BOGUS") == true)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func foreignKeysAreEnforced(database: TestDatabase) throws {
        try database.with { db throws in
            try db.execute(
                "CREATE TABLE p (id INTEGER PRIMARY KEY); CREATE TABLE c (p INTEGER REFERENCES p(id));")
            let error = #expect(throws: SQLiteError.self) { try db.run("INSERT INTO c VALUES (7)") }
            #expect(error?.extendedCode == SQLITE_CONSTRAINT | (3 << 8))
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func rowIDAndChanges(database: TestDatabase) throws {
        try database.with { db throws in
            try db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, x INTEGER)")
            try db.run("INSERT INTO t (x) VALUES (?)", [10])
            try db.run("INSERT INTO t (x) VALUES (?)", [20])
            #expect(db.lastInsertRowID == 2)
            #expect(try db.run("UPDATE t SET x = x + 1") == 2)
            #expect(db.changes == 2)
        }
    }

    @Test func openFailureIsAnError() {
        let error = #expect(throws: SQLiteError.self) {
            try SQLiteConnection(path: "/nonexistent-dir-\(UUID().uuidString)/x.sqlite")
        }
        #expect(error?.code == SQLITE_CANTOPEN)
    }

    @Test func readOnlyConnectionCannotWrite() throws {
        try TemporaryDirectory.with { directory throws in
            let path = directory.appendingPathComponent("ro.sqlite").path
            try SQLiteConnection(path: path).execute("CREATE TABLE t (x)")
            var options = SQLiteConnection.Options()
            options.readOnly = true
            let reader = try SQLiteConnection(path: path, options: options)
            let error = #expect(throws: SQLiteError.self) { try reader.run("INSERT INTO t VALUES (1)") }
            #expect(error?.code == SQLITE_READONLY)
        }
    }
}
