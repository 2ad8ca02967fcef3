import CSQLite
import Foundation
import Testing

@testable import Persistence

@Suite struct StatementTests {
    static let create = "CREATE TABLE v (i INTEGER, r REAL, t TEXT, b BLOB, f INTEGER, n)"

    @Test(arguments: TestDatabase.allCases)
    func bindingsRoundTripByIndex(database: TestDatabase) throws {
        try database.with { db throws in
            try db.execute(Self.create)
            let insert = try db.prepare("INSERT INTO v VALUES (?, ?, ?, ?, ?, ?)")
            try insert.bind(Int64.min, at: 1)
            try insert.bind(-0.5, at: 2)
            try insert.bind("héllo\u{0}wörld 🎲", at: 3)
            try insert.bind([0, 1, 0xFF, 0] as [UInt8], at: 4)
            try insert.bind(true, at: 5)
            try insert.bind(nil, at: 6)
            #expect(try insert.step() == false)

            let select = try db.prepare("SELECT i, r, t, b, f, n FROM v")
            #expect(try select.step())
            #expect(select.columnCount == 6 && select.columnName(2) == "t")
            #expect(select.int64(0) == Int64.min)
            #expect(select.double(1) == -0.5)
            #expect(select.string(2) == "héllo\u{0}wörld 🎲")
            #expect(select.blob(3) == [0, 1, 0xFF, 0])
            #expect(select.bool(4))
            #expect(select.isNull(5) && select.string(5) == nil && select.blob(5) == nil && select.int64(5) == 0)
            #expect(!select.isNull(0))
            #expect(try select.step() == false)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func bindingsRoundTripByName(database: TestDatabase) throws {
        try database.with { db throws in
            try db.execute(Self.create)
            let insert = try db.prepare("INSERT INTO v (i, r, t, b, f, n) VALUES (:i, @r, $t, :b, :f, :n)")
            #expect(insert.parameterCount == 6)
            try insert.bind(Int(7), named: ":i")
            try insert.bind(Double.pi, named: "@r")
            try insert.bind("", named: "$t")
            try insert.bind([UInt8](), named: ":b")
            try insert.bind(false, named: ":f")
            try insert.bind(Optional<String>.none, named: ":n")
            try insert.step()
            let missing = #expect(throws: SQLiteError.self) { try insert.bind(1, named: ":nope") }
            #expect(missing?.code == SQLITE_RANGE)

            let rows = try db.query("SELECT i, r, t, b, f, n, typeof(t), typeof(b) FROM v")
            #expect(
                rows == [
                    [
                        .integer(7), .real(Double.pi), .text(""), .blob([]), .integer(0), .null, .text("text"),
                        .text("blob"),
                    ]
                ])
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func arrayBindingAndReuse(database: TestDatabase) throws {
        try database.with { db throws in
            try db.execute("CREATE TABLE t (a INTEGER, b TEXT)")
            let insert = try db.prepare("INSERT INTO t VALUES (?, ?)")
            for i in 0..<5 {
                try insert.bind([i, i % 2 == 0 ? "even" : nil])
                try insert.step()
                insert.reset()
            }
            let wrongCount = #expect(throws: SQLiteError.self) { try insert.bind([1]) }
            #expect(wrongCount?.code == SQLITE_RANGE)
            #expect(try db.query("SELECT count(*), count(b) FROM t") == [[.integer(5), .integer(3)]])
            // Bindings survive reset; clearBindings sets them to NULL.
            try insert.bind([100, "kept"])
            try insert.step()
            insert.reset()
            try insert.step()
            insert.reset()
            insert.clearBindings()
            try insert.step()
            #expect(try db.query("SELECT count(*) FROM t WHERE a = 100 AND b = 'kept'") == [[.integer(2)]])
            #expect(try db.query("SELECT count(*) FROM t WHERE a IS NULL AND b IS NULL") == [[.integer(1)]])
        }
    }

    @Test func valuesAndConversions() throws {
        let db = try SQLiteConnection(path: ":memory:")
        let rows = try db.query("SELECT 1, 2.5, 'x', x'00ff', NULL, ?", [SQLiteValue.integer(9)])
        #expect(rows == [[.integer(1), .real(2.5), .text("x"), .blob([0, 0xFF]), .null, .integer(9)]])
        let statement = try db.prepare("SELECT '12', 3.9")
        #expect(try statement.step())
        #expect(statement.int(0) == 12 && statement.int(1) == 3)
    }

    @Test func emptyStatementIsAnError() throws {
        let db = try SQLiteConnection(path: ":memory:")
        let error = #expect(throws: SQLiteError.self) { try db.prepare("  -- only a comment") }
        #expect(error?.sql == "  -- only a comment")
    }

    @Test func statementOutlivingItsConnectionIsSafe() throws {
        var db: SQLiteConnection? = try SQLiteConnection(path: ":memory:")
        let statement = try db!.prepare("SELECT 1", cached: false)
        db = nil  // sqlite3_close_v2 waits for the statement
        #expect(try statement.step())
        #expect(statement.int(0) == 1)
    }
}
