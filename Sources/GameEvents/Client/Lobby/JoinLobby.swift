/// `lobby:join` payload: `{"lobbyId": string}`.
public struct JoinLobby: Equatable, Sendable {
    /// The lobby to join.
    public var lobbyId: LobbyID

    /// A request to join `lobbyId`.
    public init(lobbyId: LobbyID) {
        self.lobbyId = lobbyId
    }
}

extension JoinLobby: WirePayload {
    init(reading payload: PayloadReader) throws(EventDecodingError) {
        lobbyId = try payload.lobbyID("lobbyId")
    }

    func write(to writer: inout JSONWriter) {
        writer.member("lobbyId", lobbyId.rawValue)
    }
}
