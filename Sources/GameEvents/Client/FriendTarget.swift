/// `friend:add` and `friend:remove` payload: `{"userId": string}`.
public struct FriendTarget: Equatable, Sendable {
    /// The other user.
    public var userId: UserID

    /// A request about `userId`.
    public init(userId: UserID) {
        self.userId = userId
    }
}

extension FriendTarget: WirePayload {
    init(reading payload: PayloadReader) throws(EventDecodingError) {
        userId = try payload.userID("userId")
    }

    func write(to writer: inout JSONWriter) {
        writer.member("userId", userId.rawValue)
    }
}
