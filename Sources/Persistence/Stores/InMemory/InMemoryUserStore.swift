/// `UserStore` in memory: the twin of `SQLiteUserStore`, on `InMemoryTables`. Not thread-safe.
public final class InMemoryUserStore: UserStore {
    /// The tables, shared with the other in-memory stores of the same `InMemoryStorage`.
    let tables: InMemoryTables

    /// A store on `tables`.
    init(tables: InMemoryTables) {
        self.tables = tables
    }

    /// See `UserStore.upsert`.
    @discardableResult
    public func upsert(id: String, username: String, seenAt: Int64) throws -> StoredUser {
        var row = tables.users[id] ?? InMemoryTables.UserRow(username: username, createdAt: seenAt, lastSeen: seenAt)
        row.username = username
        row.lastSeen = max(row.lastSeen, seenAt)
        tables.setUser(id, row)
        return StoredUser(id: id, username: row.username, createdAt: row.createdAt, lastSeen: row.lastSeen)
    }

    /// See `UserStore.user`.
    public func user(id: String) throws -> StoredUser? {
        tables.users[id].map {
            StoredUser(id: id, username: $0.username, createdAt: $0.createdAt, lastSeen: $0.lastSeen)
        }
    }

    /// See `UserStore.touch`.
    @discardableResult
    public func touch(id: String, lastSeen: Int64) throws -> Bool {
        guard var row = tables.users[id] else { return false }
        row.lastSeen = max(row.lastSeen, lastSeen)
        tables.setUser(id, row)
        return true
    }
}
