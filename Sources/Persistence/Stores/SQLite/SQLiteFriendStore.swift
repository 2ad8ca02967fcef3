/// `FriendStore` on `friendships` and `friend_requests` (`Migrations/0002_friends.sql`). A friendship is one row
/// with the pair in `UserPair` order. Confined to its connection's thread.
public final class SQLiteFriendStore: FriendStore {
    /// The connection, shared with the other stores of the same database.
    let db: SQLiteConnection

    /// A store on `connection`, which must be migrated.
    public init(connection: SQLiteConnection) {
        self.db = connection
    }

    /// See `FriendStore.addRequest`.
    @discardableResult
    public func addRequest(from: String, to: String, at: Int64) throws -> Bool {
        guard from != to else { throw StoreError.sameUser }
        return try SQLiteError.mappingUnknownUser {
            try db.run(
                """
                INSERT INTO friend_requests (from_user, to_user, created_at) VALUES (?, ?, ?)
                ON CONFLICT (from_user, to_user) DO NOTHING
                """, [from, to, at]) == 1
        }
    }

    /// See `FriendStore.removeRequest`.
    @discardableResult
    public func removeRequest(from: String, to: String) throws -> Bool {
        try db.run("DELETE FROM friend_requests WHERE from_user = ? AND to_user = ?", [from, to]) == 1
    }

    /// See `FriendStore.hasRequest`.
    public func hasRequest(from: String, to: String) throws -> Bool {
        let statement = try db.prepare("SELECT 1 FROM friend_requests WHERE from_user = ? AND to_user = ?")
        try statement.bind(from, to)
        return try statement.exists()
    }

    /// See `FriendStore.requests`. Each direction is one index range (the primary key or `..._by_to_user`).
    public func requests(for user: String) throws -> FriendRequests {
        let incoming = try entries(
            """
            SELECT r.from_user, u.username, r.created_at FROM friend_requests r JOIN users u ON u.id = r.from_user
            WHERE r.to_user = ? ORDER BY r.created_at, r.from_user
            """, user)
        let outgoing = try entries(
            """
            SELECT r.to_user, u.username, r.created_at FROM friend_requests r JOIN users u ON u.id = r.to_user
            WHERE r.from_user = ? ORDER BY r.created_at, r.to_user
            """, user)
        return FriendRequests(incoming: incoming, outgoing: outgoing)
    }

    /// See `FriendStore.makeFriends`. The insert and both deletes share one savepoint.
    @discardableResult
    public func makeFriends(_ a: String, _ b: String, since: Int64) throws -> Bool {
        guard a != b else { throw StoreError.sameUser }
        let pair = UserPair(a, b)
        return try SQLiteError.mappingUnknownUser {
            try db.savepoint {
                let added = try db.run(
                    "INSERT INTO friendships (user_a, user_b, since) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                    [pair.low, pair.high, since])
                try db.run(
                    """
                    DELETE FROM friend_requests
                    WHERE (from_user = ?1 AND to_user = ?2) OR (from_user = ?2 AND to_user = ?1)
                    """, [a, b])
                return added == 1
            }
        }
    }

    /// See `FriendStore.unfriend`.
    @discardableResult
    public func unfriend(_ a: String, _ b: String) throws -> Bool {
        let pair = UserPair(a, b)
        return try db.run("DELETE FROM friendships WHERE user_a = ? AND user_b = ?", [pair.low, pair.high]) == 1
    }

    /// See `FriendStore.friends`. Both halves of the UNION use an index (primary key, `friendships_by_user_b`).
    public func friends(of user: String) throws -> [StoredFriend] {
        let statement = try db.prepare(
            """
            SELECT f.friend, u.username, f.since FROM (
                SELECT user_b AS friend, since FROM friendships WHERE user_a = ?1
                UNION ALL
                SELECT user_a AS friend, since FROM friendships WHERE user_b = ?1
            ) f JOIN users u ON u.id = f.friend
            ORDER BY u.username, f.friend
            """)
        try statement.bind(user)
        defer { statement.reset() }
        var friends: [StoredFriend] = []
        while try statement.step() {
            friends.append(
                StoredFriend(
                    userId: statement.string(0) ?? "", username: statement.string(1) ?? "", since: statement.int64(2)))
        }
        return friends
    }

    /// See `FriendStore.areFriends`.
    public func areFriends(_ a: String, _ b: String) throws -> Bool {
        let pair = UserPair(a, b)
        let statement = try db.prepare("SELECT 1 FROM friendships WHERE user_a = ? AND user_b = ?")
        try statement.bind(pair.low, pair.high)
        return try statement.exists()
    }

    /// The request entries `sql` selects (`user, username, created_at`) for `user`.
    private func entries(_ sql: String, _ user: String) throws -> [FriendRequests.Entry] {
        let statement = try db.prepare(sql)
        try statement.bind(user)
        defer { statement.reset() }
        var entries: [FriendRequests.Entry] = []
        while try statement.step() {
            entries.append(
                FriendRequests.Entry(
                    userId: statement.string(0) ?? "", username: statement.string(1) ?? "",
                    createdAt: statement.int64(2)))
        }
        return entries
    }
}
