/// `UserStore` on the `users` table (`Migrations/0001_users.sql`). Confined to its connection's thread.
public final class SQLiteUserStore: UserStore {
    /// The connection, shared with the other stores of the same database.
    let db: SQLiteConnection

    /// A store on `connection`, which must be migrated.
    public init(connection: SQLiteConnection) {
        self.db = connection
    }

    /// See `UserStore.upsert`. One statement: an UPSERT with RETURNING.
    @discardableResult
    public func upsert(id: String, username: String, seenAt: Int64) throws -> StoredUser {
        let statement = try db.prepare(
            """
            INSERT INTO users (id, username, created_at, last_seen) VALUES (?1, ?2, ?3, ?3)
            ON CONFLICT (id) DO UPDATE SET username = excluded.username,
                last_seen = max(users.last_seen, excluded.last_seen)
            RETURNING id, username, created_at, last_seen
            """)
        try statement.bind(id, username, seenAt)
        defer { statement.reset() }
        guard try statement.step() else { preconditionFailure("an UPSERT with RETURNING returns its row") }
        return Self.user(statement)
    }

    /// See `UserStore.user`.
    public func user(id: String) throws -> StoredUser? {
        let statement = try db.prepare("SELECT id, username, created_at, last_seen FROM users WHERE id = ?")
        try statement.bind(id)
        defer { statement.reset() }
        return try statement.step() ? Self.user(statement) : nil
    }

    /// See `UserStore.touch`.
    @discardableResult
    public func touch(id: String, lastSeen: Int64) throws -> Bool {
        // SQLite counts a matched row as changed even when max() keeps the old value.
        try db.run("UPDATE users SET last_seen = max(last_seen, ?2) WHERE id = ?1", [id, lastSeen]) == 1
    }

    /// The user in the current row (`id, username, created_at, last_seen`).
    private static func user(_ row: SQLiteStatement) -> StoredUser {
        StoredUser(
            id: row.string(0) ?? "", username: row.string(1) ?? "", createdAt: row.int64(2), lastSeen: row.int64(3))
    }
}
