/// The full state of a lobby: `lobby` in `lobby:created`, `lobby:joined`, `lobby:update` and `session.resumed`.
///
/// `version` starts at 1 and grows by one with every change members can see, so a client keeps the state with the
/// highest version and can tell from `session.resume` how far behind it is.
public struct LobbyState: Equatable, Sendable {
    /// The lobby.
    public var id: LobbyID
    /// Its name (sanitized, 1-48 characters).
    public var name: String
    /// The game it is for.
    public var gameType: GameType
    /// The most players it holds (2-8).
    public var maxPlayers: Int
    /// Whether only invited users may join.
    public var isPrivate: Bool
    /// The game settings.
    public var settings: LobbySettings
    /// The host: may start and close the lobby.
    public var hostId: UserID
    /// Where the lobby is in its life.
    public var state: LobbyPhase
    /// Grows by one with every visible change.
    public var version: Int64
    /// When it was created, in milliseconds since the epoch.
    public var createdAt: Int64
    /// In `countdown`: when the game starts, in milliseconds since the epoch.
    public var countdownEndsAt: Int64?
    /// In `finished`: how the last game ended.
    public var result: LobbyResult?
    /// The players, in the order they joined.
    public var players: [LobbyPlayer]

    /// A lobby state with every field given.
    public init(id: LobbyID, name: String, gameType: GameType, maxPlayers: Int, isPrivate: Bool,
                settings: LobbySettings, hostId: UserID, state: LobbyPhase, version: Int64, createdAt: Int64,
                countdownEndsAt: Int64? = nil, result: LobbyResult? = nil, players: [LobbyPlayer]) {
        self.id = id
        self.name = name
        self.gameType = gameType
        self.maxPlayers = maxPlayers
        self.isPrivate = isPrivate
        self.settings = settings
        self.hostId = hostId
        self.state = state
        self.version = version
        self.createdAt = createdAt
        self.countdownEndsAt = countdownEndsAt
        self.result = result
        self.players = players
    }
}

extension LobbyState: WirePayload {
    init(reading payload: PayloadReader) throws(EventDecodingError) {
        id = try payload.lobbyID("id")
        name = try payload.string("name")
        gameType = try payload.enumeration("gameType")
        maxPlayers = Int(try payload.integer("maxPlayers", in: CreateLobby.maxPlayersBounds))
        isPrivate = try payload.bool("private")
        settings = try LobbySettings(reading: payload.object("settings"))
        hostId = try payload.userID("hostId")
        state = try payload.enumeration("state")
        version = try payload.integer("version", in: 1...Int64.max)
        createdAt = try payload.integer("createdAt")
        countdownEndsAt = try payload.integerIfPresent("countdownEndsAt")
        result = try payload.objectIfPresent("result").map { (object) throws(EventDecodingError) in
            try LobbyResult(reading: object)
        }
        players = try payload.objects("players") { (object) throws(EventDecodingError) in
            try LobbyPlayer(reading: object)
        }
    }

    func write(to writer: inout JSONWriter) {
        writer.member("id", id.rawValue)
        writer.member("name", name)
        writer.member("gameType", gameType.rawValue)
        writer.member("maxPlayers", Int64(maxPlayers))
        writer.member("private", isPrivate)
        writer.writeObject("settings", settings)
        writer.member("hostId", hostId.rawValue)
        writer.member("state", state.rawValue)
        writer.member("version", version)
        writer.member("createdAt", createdAt)
        writer.member("countdownEndsAt", ifPresent: countdownEndsAt)
        writer.writeObject("result", ifPresent: result)
        writer.writeArray("players", of: players)
    }
}
