/// `lobby:player:leave` payload: `{"lobbyId", "userId", "reason"}`, a player is no longer in the lobby; sent to the
/// remaining members.
public struct LobbyPlayerLeft: Equatable, Sendable {
    /// The lobby.
    public var lobbyId: LobbyID
    /// The player who left.
    public var userId: UserID
    /// Why.
    public var reason: LobbyLeaveReason

    /// A player's departure.
    public init(lobbyId: LobbyID, userId: UserID, reason: LobbyLeaveReason) {
        self.lobbyId = lobbyId
        self.userId = userId
        self.reason = reason
    }
}

extension LobbyPlayerLeft: WirePayload {
    init(reading payload: PayloadReader) throws(EventDecodingError) {
        lobbyId = try payload.lobbyID("lobbyId")
        userId = try payload.userID("userId")
        reason = try payload.enumeration("reason")
    }

    func write(to writer: inout JSONWriter) {
        writer.member("lobbyId", lobbyId.rawValue)
        writer.member("userId", userId.rawValue)
        writer.member("reason", reason.rawValue)
    }
}
