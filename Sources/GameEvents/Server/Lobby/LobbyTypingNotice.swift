/// `lobby:typing` payload from the server: `{"lobbyId", "userId", "typing"}`, a member started or stopped typing;
/// sent to the other members.
public struct LobbyTypingNotice: Equatable, Sendable {
    /// The lobby.
    public var lobbyId: LobbyID
    /// The member typing.
    public var userId: UserID
    /// Whether they are typing.
    public var typing: Bool

    /// A typing notice.
    public init(lobbyId: LobbyID, userId: UserID, typing: Bool) {
        self.lobbyId = lobbyId
        self.userId = userId
        self.typing = typing
    }
}

extension LobbyTypingNotice: WirePayload {
    init(reading payload: PayloadReader) throws(EventDecodingError) {
        lobbyId = try payload.lobbyID("lobbyId")
        userId = try payload.userID("userId")
        typing = try payload.bool("typing")
    }

    func write(to writer: inout JSONWriter) {
        writer.member("lobbyId", lobbyId.rawValue)
        writer.member("userId", userId.rawValue)
        writer.member("typing", typing)
    }
}
