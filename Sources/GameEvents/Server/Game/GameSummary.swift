/// A live game as `game:list` shows it: `{"gameId", "lobbyId"?, "players", "score", "spectators", "startedAt"}`.
public struct GameSummary: Equatable, Sendable {
    /// The game.
    public var gameId: GameID
    /// The lobby it was started from; absent for games without one.
    public var lobbyId: LobbyID?
    /// Both players, left first.
    public var players: [GameSummaryPlayer]
    /// The current score.
    public var score: GameScoreLine
    /// How many users are watching.
    public var spectators: Int
    /// When it started, in milliseconds since the epoch.
    public var startedAt: Int64

    /// A summary with every field given.
    public init(gameId: GameID, lobbyId: LobbyID? = nil, players: [GameSummaryPlayer], score: GameScoreLine,
                spectators: Int, startedAt: Int64) {
        self.gameId = gameId
        self.lobbyId = lobbyId
        self.players = players
        self.score = score
        self.spectators = spectators
        self.startedAt = startedAt
    }
}

extension GameSummary: WirePayload {
    init(reading payload: PayloadReader) throws(EventDecodingError) {
        gameId = try payload.gameID("gameId")
        lobbyId = try payload.lobbyIDIfPresent("lobbyId")
        players = try payload.objects("players") { (object) throws(EventDecodingError) in
            try GameSummaryPlayer(reading: object)
        }
        score = try GameScoreLine(reading: payload.object("score"))
        spectators = Int(try payload.integer("spectators", in: 0...Int64(Int32.max)))
        startedAt = try payload.integer("startedAt")
    }

    func write(to writer: inout JSONWriter) {
        writer.member("gameId", gameId.rawValue)
        writer.member("lobbyId", ifPresent: lobbyId?.rawValue)
        writer.writeArray("players", of: players)
        writer.writeObject("score", score)
        writer.member("spectators", Int64(spectators))
        writer.member("startedAt", startedAt)
    }
}
