/// `user:status` payload from the server: a user's status changed. Sent to the user's friends and to the user's
/// own connections (the one that asked gets it with `replyTo`).
public struct UserStatusChanged: Equatable, Sendable {
    /// Whose status changed.
    public var userId: UserID
    /// Their display name.
    public var username: String
    /// The new status.
    public var status: PresenceStatus
    /// The lobby, for `in_lobby`.
    public var lobbyId: LobbyID?
    /// The game, for `in_game` and `spectating`.
    public var gameId: GameID?

    /// A status change.
    public init(userId: UserID, username: String, status: PresenceStatus, lobbyId: LobbyID? = nil,
                gameId: GameID? = nil) {
        self.userId = userId
        self.username = username
        self.status = status
        self.lobbyId = lobbyId
        self.gameId = gameId
    }
}

extension UserStatusChanged: WirePayload {
    init(reading payload: PayloadReader) throws(EventDecodingError) {
        userId = try payload.userID("userId")
        username = try payload.string("username")
        status = try payload.enumeration("status")
        lobbyId = try payload.identifierIfPresent("lobbyId", kind: "a lobby id")
        gameId = try payload.identifierIfPresent("gameId", kind: "a game id")
    }

    func write(to writer: inout JSONWriter) {
        writer.member("userId", userId.rawValue)
        writer.member("username", username)
        writer.member("status", status.rawValue)
        writer.member("lobbyId", ifPresent: lobbyId?.rawValue)
        writer.member("gameId", ifPresent: gameId?.rawValue)
    }
}
