/// `lobby:invite` payload: `{"userId": string}`, a member invites a user to the lobby they are in.
public struct LobbyInvite: Equatable, Sendable {
    /// The user invited.
    public var userId: UserID

    /// An invitation for `userId`.
    public init(userId: UserID) {
        self.userId = userId
    }
}

extension LobbyInvite: WirePayload {
    init(reading payload: PayloadReader) throws(EventDecodingError) {
        userId = try payload.userID("userId")
    }

    func write(to writer: inout JSONWriter) {
        writer.member("userId", userId.rawValue)
    }
}
