/// One of a user's friends, with the name to show (the `friend:list` entry before presence is added).
public struct StoredFriend: Sendable, Equatable {
    /// The friend's user id.
    public var userId: String
    /// The friend's current username.
    public var username: String
    /// When the friendship was made (Unix milliseconds).
    public var since: Int64

    /// Creates a friend record.
    public init(userId: String, username: String, since: Int64) {
        self.userId = userId
        self.username = username
        self.since = since
    }
}
