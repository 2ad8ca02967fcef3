/// `lobby:created`, `lobby:joined` and `lobby:update` payload: `{"lobby": {...}}`, a lobby's full state.
public struct LobbySnapshot: Equatable, Sendable {
    /// The lobby.
    public var lobby: LobbyState

    /// A payload carrying `lobby`.
    public init(lobby: LobbyState) {
        self.lobby = lobby
    }
}

extension LobbySnapshot: WirePayload {
    init(reading payload: PayloadReader) throws(EventDecodingError) {
        lobby = try LobbyState(reading: payload.object("lobby"))
    }

    func write(to writer: inout JSONWriter) {
        writer.writeObject("lobby", lobby)
    }
}
