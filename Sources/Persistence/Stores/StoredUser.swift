/// A user as stored: known to the server since their first connection. Times are Unix milliseconds.
public struct StoredUser: Sendable, Equatable {
    /// The user's id (the JWT subject).
    public var id: String
    /// The display name, refreshed on every connection.
    public var username: String
    /// When the user first connected.
    public var createdAt: Int64
    /// The latest time the user was seen (never moves backwards).
    public var lastSeen: Int64

    /// Creates a user record.
    public init(id: String, username: String, createdAt: Int64, lastSeen: Int64) {
        self.id = id
        self.username = username
        self.createdAt = createdAt
        self.lastSeen = lastSeen
    }
}
