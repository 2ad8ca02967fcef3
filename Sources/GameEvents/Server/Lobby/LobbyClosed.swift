/// `lobby:closed` payload: `{"lobbyId", "reason"}`, the lobby is closed and everyone in it was removed.
public struct LobbyClosed: Equatable, Sendable {
    /// The lobby.
    public var lobbyId: LobbyID
    /// Why.
    public var reason: LobbyCloseReason

    /// A closed lobby.
    public init(lobbyId: LobbyID, reason: LobbyCloseReason) {
        self.lobbyId = lobbyId
        self.reason = reason
    }
}

extension LobbyClosed: WirePayload {
    init(reading payload: PayloadReader) throws(EventDecodingError) {
        lobbyId = try payload.lobbyID("lobbyId")
        reason = try payload.enumeration("reason")
    }

    func write(to writer: inout JSONWriter) {
        writer.member("lobbyId", lobbyId.rawValue)
        writer.member("reason", reason.rawValue)
    }
}
