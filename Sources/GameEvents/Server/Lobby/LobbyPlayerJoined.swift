/// `lobby:player:join` payload: `{"lobbyId", "player": {...}}`, a player joined; sent to the other members.
public struct LobbyPlayerJoined: Equatable, Sendable {
    /// The lobby.
    public var lobbyId: LobbyID
    /// The new player.
    public var player: LobbyPlayer

    /// A player's arrival.
    public init(lobbyId: LobbyID, player: LobbyPlayer) {
        self.lobbyId = lobbyId
        self.player = player
    }
}

extension LobbyPlayerJoined: WirePayload {
    init(reading payload: PayloadReader) throws(EventDecodingError) {
        lobbyId = try payload.lobbyID("lobbyId")
        player = try LobbyPlayer(reading: payload.object("player"))
    }

    func write(to writer: inout JSONWriter) {
        writer.member("lobbyId", lobbyId.rawValue)
        writer.writeObject("player", player)
    }
}
