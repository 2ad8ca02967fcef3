/// `FriendStore` in memory: the twin of `SQLiteFriendStore`, on `InMemoryTables`. Lookups by user scan the
/// tables (the twin is for tests and small deployments, not for millions of rows). Not thread-safe.
public final class InMemoryFriendStore: FriendStore {
    /// The tables, shared with the other in-memory stores of the same `InMemoryStorage`.
    let tables: InMemoryTables

    /// A store on `tables`.
    init(tables: InMemoryTables) {
        self.tables = tables
    }

    /// See `FriendStore.addRequest`.
    @discardableResult
    public func addRequest(from: String, to: String, at: Int64) throws -> Bool {
        guard from != to else { throw StoreError.sameUser }
        let key = InMemoryTables.DirectedPair(from: from, to: to)
        guard tables.requests[key] == nil else { return false }
        try requireUsers(from, to)
        tables.setRequest(key, createdAt: at)
        return true
    }

    /// See `FriendStore.removeRequest`.
    @discardableResult
    public func removeRequest(from: String, to: String) throws -> Bool {
        let key = InMemoryTables.DirectedPair(from: from, to: to)
        guard tables.requests[key] != nil else { return false }
        tables.setRequest(key, createdAt: nil)
        return true
    }

    /// See `FriendStore.hasRequest`.
    public func hasRequest(from: String, to: String) throws -> Bool {
        tables.requests[InMemoryTables.DirectedPair(from: from, to: to)] != nil
    }

    /// See `FriendStore.requests`.
    public func requests(for user: String) throws -> FriendRequests {
        var incoming: [FriendRequests.Entry] = []
        var outgoing: [FriendRequests.Entry] = []
        for (key, createdAt) in tables.requests {
            if key.to == user, let other = tables.users[key.from] {
                incoming.append(FriendRequests.Entry(userId: key.from, username: other.username, createdAt: createdAt))
            } else if key.from == user, let other = tables.users[key.to] {
                outgoing.append(FriendRequests.Entry(userId: key.to, username: other.username, createdAt: createdAt))
            }
        }
        let order: (FriendRequests.Entry, FriendRequests.Entry) -> Bool = {
            $0.createdAt != $1.createdAt ? $0.createdAt < $1.createdAt : UserPair.precedes($0.userId, $1.userId)
        }
        return FriendRequests(incoming: incoming.sorted(by: order), outgoing: outgoing.sorted(by: order))
    }

    /// See `FriendStore.makeFriends`.
    @discardableResult
    public func makeFriends(_ a: String, _ b: String, since: Int64) throws -> Bool {
        guard a != b else { throw StoreError.sameUser }
        try requireUsers(a, b)
        let pair = UserPair(a, b)
        return try tables.savepoint {
            let added = tables.friendships[pair] == nil
            if added { tables.setFriendship(pair, since: since) }
            try removeRequest(from: a, to: b)
            try removeRequest(from: b, to: a)
            return added
        }
    }

    /// See `FriendStore.unfriend`.
    @discardableResult
    public func unfriend(_ a: String, _ b: String) throws -> Bool {
        let pair = UserPair(a, b)
        guard tables.friendships[pair] != nil else { return false }
        tables.setFriendship(pair, since: nil)
        return true
    }

    /// See `FriendStore.friends`.
    public func friends(of user: String) throws -> [StoredFriend] {
        var friends: [StoredFriend] = []
        for (pair, since) in tables.friendships where pair.low == user || pair.high == user {
            let other = pair.low == user ? pair.high : pair.low
            guard let row = tables.users[other] else { continue }
            friends.append(StoredFriend(userId: other, username: row.username, since: since))
        }
        return friends.sorted {
            $0.username != $1.username
                ? UserPair.precedes($0.username, $1.username) : UserPair.precedes($0.userId, $1.userId)
        }
    }

    /// See `FriendStore.areFriends`.
    public func areFriends(_ a: String, _ b: String) throws -> Bool {
        a != b && tables.friendships[UserPair(a, b)] != nil
    }

    /// Throws `.unknownUser` unless both users exist (the schema's foreign keys).
    private func requireUsers(_ a: String, _ b: String) throws {
        guard tables.users[a] != nil, tables.users[b] != nil else { throw StoreError.unknownUser }
    }
}
