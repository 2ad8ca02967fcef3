/// A friend and their current status: `friend:online`, `friend:added`'s `friend`, and `friend:list`'s `friends`.
public struct FriendSummary: Equatable, Sendable {
    /// The friend.
    public var userId: UserID
    /// Their display name.
    public var username: String
    /// Their status.
    public var status: PresenceStatus
    /// The lobby, for `in_lobby`.
    public var lobbyId: LobbyID?
    /// The game, for `in_game` and `spectating`.
    public var gameId: GameID?

    /// A friend's summary.
    public init(userId: UserID, username: String, status: PresenceStatus, lobbyId: LobbyID? = nil,
                gameId: GameID? = nil) {
        self.userId = userId
        self.username = username
        self.status = status
        self.lobbyId = lobbyId
        self.gameId = gameId
    }
}

extension FriendSummary: WirePayload {
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
