extension SQLiteConnection {
    /// Runs `body` inside `SAVEPOINT`: released when it returns, rolled back to (and released) when it throws,
    /// so a failure undoes exactly what `body` did and nothing before it. Savepoints nest, inside or outside a
    /// transaction; outside one, the savepoint is a transaction of its own and its RELEASE commits
    /// (https://sqlite.org/lang_savepoint.html). When SQLite has already rolled back the whole transaction on its
    /// own (I/O error, full disk), there is nothing to roll back to and the error is simply rethrown.
    public func savepoint<T>(_ body: () throws -> T) throws -> T {
        try run("SAVEPOINT lobby")
        do {
            let value = try body()
            try run("RELEASE lobby")
            return value
        } catch {
            if isInTransaction {
                // Failing here leaves nothing better to do; the original error is what the caller needs.
                _ = try? run("ROLLBACK TO lobby")
                _ = try? run("RELEASE lobby")
            }
            throw error
        }
    }
}
