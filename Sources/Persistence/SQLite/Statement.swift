import CSQLite

/// A prepared statement (`sqlite3_stmt`), finalized in `deinit`. Confined to its connection's thread.
///
/// Parameters are 1-based like SQLite's; columns are 0-based. Text and blobs are bound with
/// `SQLITE_TRANSIENT`, so SQLite copies them and the Swift value may go away right after the call.
public final class SQLiteStatement {
    /// The SQL this statement was prepared from.
    public let sql: String
    /// The C handle; never leaves this module.
    let handle: OpaquePointer
    /// The thread allowed to use this statement (shared with the connection).
    private let owner: ThreadOwner

    /// Prepares `sql` on `db` with `sqlite3_prepare_v3`; `persistent` hints that it will be reused (cache).
    init(db: OpaquePointer, sql: String, persistent: Bool, owner: ThreadOwner) throws {
        var statement: OpaquePointer? = nil
        var tail: UnsafePointer<CChar>? = nil
        let flags = persistent ? UInt32(SQLITE_PREPARE_PERSISTENT) : 0
        let result = sql.withCString { sqlite3_prepare_v3(db, $0, -1, flags, &statement, &tail) }
        guard result == SQLITE_OK else { throw SQLiteError(result: result, db: db, sql: sql) }
        guard let statement else {
            throw SQLiteError(extendedCode: SQLITE_MISUSE, message: "no SQL statement in the text", sql: sql)
        }
        self.handle = statement
        self.sql = sql
        self.owner = owner
    }

    deinit {
        sqlite3_finalize(handle)
    }

    /// The number of parameters (`?`, `?NNN`, `:name`, `@name`, `$name`).
    public var parameterCount: Int { Int(sqlite3_bind_parameter_count(handle)) }

    /// The number of result columns.
    public var columnCount: Int { Int(sqlite3_column_count(handle)) }

    /// The name of result column `index`.
    public func columnName(_ index: Int) -> String {
        sqlite3_column_name(handle, Int32(index)).map { String(cString: $0) } ?? ""
    }

    /// Binds `value` (nil binds NULL) to the 1-based parameter `index`.
    public func bind(_ value: (any SQLiteValueConvertible)?, at index: Int) throws {
        owner.check()
        try bindValue(value?.sqliteValue ?? .null, at: Int32(index))
    }

    /// Binds `value` to the parameter called `name`, prefix included (`":id"`, `"@id"`, `"$id"`).
    public func bind(_ value: (any SQLiteValueConvertible)?, named name: String) throws {
        owner.check()
        let index = sqlite3_bind_parameter_index(handle, name)
        guard index > 0 else {
            throw SQLiteError(extendedCode: SQLITE_RANGE, message: "no parameter named \(name)", sql: sql)
        }
        try bindValue(value?.sqliteValue ?? .null, at: index)
    }

    /// Binds `values` to parameters 1, 2, ... in order. The count must match `parameterCount`.
    public func bind(_ values: [(any SQLiteValueConvertible)?]) throws {
        guard values.count == parameterCount else {
            throw SQLiteError(
                extendedCode: SQLITE_RANGE,
                message: "\(values.count) values for \(parameterCount) parameters", sql: sql)
        }
        for (offset, value) in values.enumerated() { try bind(value, at: offset + 1) }
    }

    /// Advances to the next row: true when a row is available, false when the statement is done. On error the
    /// statement is reset, so it can be reused.
    @discardableResult
    public func step() throws -> Bool {
        owner.check()
        let result = sqlite3_step(handle)
        switch result {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            let error = SQLiteError(result: result, db: sqlite3_db_handle(handle), sql: sql)
            sqlite3_reset(handle)
            throw error
        }
    }

    /// Rewinds the statement so it can run again; bindings are kept.
    public func reset() {
        owner.check()
        sqlite3_reset(handle)
    }

    /// Sets every parameter back to NULL.
    public func clearBindings() {
        owner.check()
        sqlite3_clear_bindings(handle)
    }

    /// Binds the one value with the matching `sqlite3_bind_*`.
    private func bindValue(_ value: SQLiteValue, at index: Int32) throws {
        let result: Int32
        switch value {
        case .null:
            result = sqlite3_bind_null(handle, index)
        case .integer(let number):
            result = sqlite3_bind_int64(handle, index, number)
        case .real(let number):
            result = sqlite3_bind_double(handle, index, number)
        case .text(let text):
            // withCString always yields a valid pointer, even for "" (a nil pointer would bind NULL).
            result = text.withCString {
                sqlite3_bind_text64(
                    handle, index, $0, sqlite3_uint64(text.utf8.count), lobby_sqlite_transient(), UInt8(SQLITE_UTF8))
            }
        case .blob(let bytes):
            if bytes.isEmpty {
                result = sqlite3_bind_zeroblob(handle, index, 0)
            } else {
                result = bytes.withUnsafeBytes {
                    sqlite3_bind_blob64(
                        handle, index, $0.baseAddress, sqlite3_uint64($0.count), lobby_sqlite_transient())
                }
            }
        }
        guard result == SQLITE_OK else { throw SQLiteError(result: result, db: sqlite3_db_handle(handle), sql: sql) }
    }
}
