import CSQLite

extension SQLiteError {
    /// The extended code of a failed FOREIGN KEY constraint (`SQLITE_CONSTRAINT_FOREIGNKEY`).
    static let foreignKeyCode = SQLITE_CONSTRAINT | (3 << 8)
    /// The extended code of a failed UNIQUE constraint (`SQLITE_CONSTRAINT_UNIQUE`).
    static let uniqueCode = SQLITE_CONSTRAINT | (8 << 8)

    /// Runs `body`, turning a failed foreign key into `StoreError.unknownUser`: in this schema every foreign key
    /// points at `users(id)`, so that is the only thing it can mean.
    static func mappingUnknownUser<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as SQLiteError where error.extendedCode == foreignKeyCode {
            throw StoreError.unknownUser
        }
    }
}

extension SQLiteStatement {
    /// Binds `values` to parameters 1, 2, ... one by one (no array-length check, no bindings array kept).
    func bind(_ values: (any SQLiteValueConvertible)?...) throws {
        for (offset, value) in values.enumerated() { try bind(value, at: offset + 1) }
    }

    /// Steps once and resets: whether the statement produced a row (for `SELECT 1 ... LIMIT 1` probes).
    func exists() throws -> Bool {
        let found = try step()
        reset()
        return found
    }
}
