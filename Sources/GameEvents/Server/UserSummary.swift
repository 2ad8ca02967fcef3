/// A user by id and name: `friend:request`, `friend:request_sent`, and `friend:list`'s `incoming` and `outgoing`.
public struct UserSummary: Equatable, Sendable {
    /// The user.
    public var userId: UserID
    /// Their display name.
    public var username: String

    /// A user's summary.
    public init(userId: UserID, username: String) {
        self.userId = userId
        self.username = username
    }
}

extension UserSummary: WirePayload {
    init(reading payload: PayloadReader) throws(EventDecodingError) {
        userId = try payload.userID("userId")
        username = try payload.string("username")
    }

    func write(to writer: inout JSONWriter) {
        writer.member("userId", userId.rawValue)
        writer.member("username", username)
    }
}
