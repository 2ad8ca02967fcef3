/// `friend:offline` payload: a friend's last connection closed (after the grace period).
public struct FriendOffline: Equatable, Sendable {
    /// The friend.
    public var userId: UserID
    /// Their display name.
    public var username: String
    /// When their last connection closed, in milliseconds since the epoch.
    public var lastSeen: Int64

    /// A friend gone offline.
    public init(userId: UserID, username: String, lastSeen: Int64) {
        self.userId = userId
        self.username = username
        self.lastSeen = lastSeen
    }
}

extension FriendOffline: WirePayload {
    init(reading payload: PayloadReader) throws(EventDecodingError) {
        userId = try payload.userID("userId")
        username = try payload.string("username")
        lastSeen = try payload.integer("lastSeen")
    }

    func write(to writer: inout JSONWriter) {
        writer.member("userId", userId.rawValue)
        writer.member("username", username)
        writer.member("lastSeen", lastSeen)
    }
}
