/// `lobby:left` payload: `{"lobbyId", "reason"}`, sent to the player who is no longer in the lobby.
public struct LobbyLeft: Equatable, Sendable {
    /// The lobby.
    public var lobbyId: LobbyID
    /// Why.
    public var reason: LobbyLeaveReason

    /// A departure from `lobbyId`.
    public init(lobbyId: LobbyID, reason: LobbyLeaveReason) {
        self.lobbyId = lobbyId
        self.reason = reason
    }
}

extension LobbyLeft: WirePayload {
    init(reading payload: PayloadReader) throws(EventDecodingError) {
        lobbyId = try payload.lobbyID("lobbyId")
        reason = try payload.enumeration("reason")
    }

    func write(to writer: inout JSONWriter) {
        writer.member("lobbyId", lobbyId.rawValue)
        writer.member("reason", reason.rawValue)
    }
}
