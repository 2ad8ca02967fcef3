import CSQLite

extension SQLiteConnection {
    /// Runs `body` in a `BEGIN IMMEDIATE` transaction: COMMIT when it returns, ROLLBACK when it throws (then the
    /// error is rethrown). IMMEDIATE takes the write lock up front, so a busy database fails at BEGIN (after
    /// `busy_timeout`) instead of midway (https://sqlite.org/lang_transaction.html). Transactions do not nest:
    /// calling this inside one throws SQLite's "cannot start a transaction within a transaction".
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try run("BEGIN IMMEDIATE")
        let value: T
        do {
            value = try body()
        } catch {
            rollbackIfNeeded()
            throw error
        }
        do {
            try run("COMMIT")
        } catch {
            rollbackIfNeeded()
            throw error
        }
        return value
    }

    /// Rolls back unless SQLite already did (some errors end the transaction on their own).
    private func rollbackIfNeeded() {
        guard isInTransaction else { return }
        // A failing ROLLBACK leaves nothing better to do; the original error is what the caller needs.
        _ = try? run("ROLLBACK")
    }
}

extension SQLiteConnection {
    /// Runs `body` with every commit refused (`sqlite3_commit_hook` returning non-zero turns a COMMIT into a
    /// ROLLBACK and fails it with `SQLITE_CONSTRAINT_COMMITHOOK`). Used to run migration scripts, which must not
    /// end the migrator's transaction with a COMMIT of their own.
    func withCommitsRefused<T>(_ body: () throws -> T) rethrows -> T {
        owner.check()
        sqlite3_commit_hook(db, { _ in 1 }, nil)
        defer { sqlite3_commit_hook(db, nil, nil) }
        return try body()
    }
}
