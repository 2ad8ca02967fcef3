/// `game:start` payload: everything a connection needs to show a game, sent when the game starts to every player
/// and spectator connection, and again to any connection that joins later (a reconnect, a new tab,
/// `game:spectate`, `game:replay`), followed at once by a full `game:state`.
public struct GameStart: Equatable, Sendable {
    /// The game.
    public var gameId: GameID
    /// The lobby it was started from; absent for games without one (tournament matches).
    public var lobbyId: LobbyID?
    /// Whether this connection plays or watches.
    public var role: GameRole
    /// For a player: the side they play; absent for spectators.
    public var side: GameSide?
    /// Both players, left first.
    public var players: [GamePlayerInfo]
    /// Simulation ticks per second.
    public var tickRate: Int
    /// `game:state` messages per second this connection receives (spectators may get fewer).
    public var stateRate: Int
    /// The field and the sizes on it.
    public var field: GameField
    /// The score that wins.
    public var pointsToWin: Int
    /// The pause before each serve, in milliseconds.
    public var serveDelayMs: Int64
    /// When the game started, in milliseconds since the epoch.
    public var startedAt: Int64
    /// The tick the game is at (0 at the start; later for a connection joining a running game).
    public var tick: Int64
    /// How far behind the live game this connection's states are, in milliseconds (0 for players).
    public var spectatorDelayMs: Int64
    /// Whether this is a replay of a finished game (`game:replay`) rather than a live one.
    public var replay: Bool

    /// A start message with every field given.
    public init(gameId: GameID, lobbyId: LobbyID? = nil, role: GameRole, side: GameSide? = nil,
                players: [GamePlayerInfo], tickRate: Int, stateRate: Int, field: GameField, pointsToWin: Int,
                serveDelayMs: Int64, startedAt: Int64, tick: Int64, spectatorDelayMs: Int64 = 0,
                replay: Bool = false) {
        self.gameId = gameId
        self.lobbyId = lobbyId
        self.role = role
        self.side = side
        self.players = players
        self.tickRate = tickRate
        self.stateRate = stateRate
        self.field = field
        self.pointsToWin = pointsToWin
        self.serveDelayMs = serveDelayMs
        self.startedAt = startedAt
        self.tick = tick
        self.spectatorDelayMs = spectatorDelayMs
        self.replay = replay
    }
}

extension GameStart: WirePayload {
    init(reading payload: PayloadReader) throws(EventDecodingError) {
        gameId = try payload.gameID("gameId")
        lobbyId = try payload.lobbyIDIfPresent("lobbyId")
        role = try payload.enumeration("role")
        side = try payload.enumerationIfPresent("side")
        players = try payload.objects("players") { (object) throws(EventDecodingError) in
            try GamePlayerInfo(reading: object)
        }
        tickRate = Int(try payload.integer("tickRate", in: GameStart.rateBounds))
        stateRate = Int(try payload.integer("stateRate", in: GameStart.rateBounds))
        field = try GameField(reading: payload.object("field"))
        pointsToWin = Int(try payload.integer("pointsToWin", in: 1...Int64(Int32.max)))
        serveDelayMs = try payload.integer("serveDelayMs", in: 0...Int64.max)
        startedAt = try payload.integer("startedAt")
        tick = try payload.integer("tick", in: 0...Int64.max)
        spectatorDelayMs = try payload.integer("spectatorDelayMs", in: 0...Int64.max)
        replay = try payload.bool("replay")
    }

    func write(to writer: inout JSONWriter) {
        writer.member("gameId", gameId.rawValue)
        writer.member("lobbyId", ifPresent: lobbyId?.rawValue)
        writer.member("role", role.rawValue)
        writer.member("side", ifPresent: side?.rawValue)
        writer.writeArray("players", of: players)
        writer.member("tickRate", Int64(tickRate))
        writer.member("stateRate", Int64(stateRate))
        writer.writeObject("field", field)
        writer.member("pointsToWin", Int64(pointsToWin))
        writer.member("serveDelayMs", serveDelayMs)
        writer.member("startedAt", startedAt)
        writer.member("tick", tick)
        writer.member("spectatorDelayMs", spectatorDelayMs)
        writer.member("replay", replay)
    }

    /// Tick and state rates: positive, at most 1000 per second.
    static let rateBounds: ClosedRange<Int64> = 1...1000
}
