/// A public lobby as `lobby:list` shows it.
public struct LobbySummary: Equatable, Sendable {
    /// The lobby.
    public var id: LobbyID
    /// Its name.
    public var name: String
    /// The game it is for.
    public var gameType: GameType
    /// The most players it holds.
    public var maxPlayers: Int
    /// How many players are in it.
    public var playerCount: Int
    /// Where the lobby is in its life.
    public var state: LobbyPhase
    /// The host's display name.
    public var hostUsername: String
    /// When it was created, in milliseconds since the epoch.
    public var createdAt: Int64
    /// The game settings.
    public var settings: LobbySettings

    /// A summary with every field given.
    public init(id: LobbyID, name: String, gameType: GameType, maxPlayers: Int, playerCount: Int, state: LobbyPhase,
                hostUsername: String, createdAt: Int64, settings: LobbySettings) {
        self.id = id
        self.name = name
        self.gameType = gameType
        self.maxPlayers = maxPlayers
        self.playerCount = playerCount
        self.state = state
        self.hostUsername = hostUsername
        self.createdAt = createdAt
        self.settings = settings
    }
}

extension LobbySummary: WirePayload {
    init(reading payload: PayloadReader) throws(EventDecodingError) {
        id = try payload.lobbyID("id")
        name = try payload.string("name")
        gameType = try payload.enumeration("gameType")
        maxPlayers = Int(try payload.integer("maxPlayers", in: CreateLobby.maxPlayersBounds))
        playerCount = Int(try payload.integer("playerCount", in: 0...CreateLobby.maxPlayersBounds.upperBound))
        state = try payload.enumeration("state")
        hostUsername = try payload.string("hostUsername")
        createdAt = try payload.integer("createdAt")
        settings = try LobbySettings(reading: payload.object("settings"))
    }

    func write(to writer: inout JSONWriter) {
        writer.member("id", id.rawValue)
        writer.member("name", name)
        writer.member("gameType", gameType.rawValue)
        writer.member("maxPlayers", Int64(maxPlayers))
        writer.member("playerCount", Int64(playerCount))
        writer.member("state", state.rawValue)
        writer.member("hostUsername", hostUsername)
        writer.member("createdAt", createdAt)
        writer.writeObject("settings", settings)
    }
}
