import CSQLite

/// A failed SQLite call: the primary and extended result codes, SQLite's message, and the SQL involved
/// (GRDB's `DatabaseError` shape: enough to diagnose a failure from one log line).
public struct SQLiteError: Error, Sendable, CustomStringConvertible {
    /// The primary result code (`SQLITE_CONSTRAINT`, `SQLITE_BUSY`, ...): the low byte of `extendedCode`.
    public var code: Int32
    /// The extended result code (`SQLITE_CONSTRAINT_UNIQUE`, ...).
    public var extendedCode: Int32
    /// SQLite's message (`sqlite3_errmsg`), or our own for misuse detected before calling SQLite.
    public var message: String
    /// The statement or script that failed, when there was one.
    public var sql: String?

    /// Creates an error; `code` is derived from `extendedCode`.
    public init(extendedCode: Int32, message: String, sql: String? = nil) {
        self.code = extendedCode & 0xFF
        self.extendedCode = extendedCode
        self.message = message
        self.sql = sql
    }

    /// Reads the connection's current error state after a call returned `result`.
    init(result: Int32, db: OpaquePointer?, sql: String?) {
        var extended = result
        var message = String(cString: sqlite3_errstr(result))
        if let db {
            extended = sqlite3_extended_errcode(db)
            // The connection's error may belong to an earlier call when `result` came from elsewhere.
            if extended & 0xFF != result & 0xFF { extended = result }
            if let text = sqlite3_errmsg(db) { message = String(cString: text) }
        }
        self.init(extendedCode: extended, message: message, sql: sql)
    }

    /// Whether a constraint (UNIQUE, NOT NULL, FOREIGN KEY, CHECK, ...) was violated.
    public var isConstraintViolation: Bool { code == SQLITE_CONSTRAINT }

    /// Whether the database was locked by another connection beyond the busy timeout.
    public var isBusy: Bool { code == SQLITE_BUSY }

    /// `SQLite error 19 (2067): UNIQUE constraint failed: t.x; SQL: INSERT ...`
    public var description: String {
        var text = "SQLite error \(code) (\(extendedCode)): \(message)"
        if let sql { text += "; SQL: \(sql)" }
        return text
    }
}
