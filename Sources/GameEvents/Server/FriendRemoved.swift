/// `friend:removed` payload: a friendship or pending request with `userId` ended; sent to both users.
public struct FriendRemoved: Equatable, Sendable {
    /// The other user.
    public var userId: UserID

    /// The end of a friendship or request with `userId`.
    public init(userId: UserID) {
        self.userId = userId
    }
}

extension FriendRemoved: WirePayload {
    init(reading payload: PayloadReader) throws(EventDecodingError) {
        userId = try payload.userID("userId")
    }

    func write(to writer: inout JSONWriter) {
        writer.member("userId", userId.rawValue)
    }
}
