/// `game:state` payload: one snapshot of a game, broadcast every state period to its players and spectators
/// (encoded once per broadcast and shared). A client keeps only the snapshot with the highest `tick`.
public struct GameState: Equatable, Sendable {
    /// The game.
    public var gameId: GameID
    /// Simulation ticks run so far (does not advance while `paused`).
    public var tick: Int64
    /// Where the game is.
    public var phase: GamePhase
    /// The ball.
    public var ball: GameBall
    /// The paddles' centres.
    public var paddles: GamePaddles
    /// The score.
    public var score: GameScoreLine
    /// The highest input `seq` applied per side (0 before any).
    public var lastSeq: GameSeqs
    /// How many users are watching.
    public var spectators: Int

    /// A snapshot with every field given.
    public init(gameId: GameID, tick: Int64, phase: GamePhase, ball: GameBall, paddles: GamePaddles,
                score: GameScoreLine, lastSeq: GameSeqs, spectators: Int) {
        self.gameId = gameId
        self.tick = tick
        self.phase = phase
        self.ball = ball
        self.paddles = paddles
        self.score = score
        self.lastSeq = lastSeq
        self.spectators = spectators
    }
}

extension GameState: WirePayload {
    init(reading payload: PayloadReader) throws(EventDecodingError) {
        gameId = try payload.gameID("gameId")
        tick = try payload.integer("tick", in: 0...Int64.max)
        phase = try payload.enumeration("phase")
        ball = try GameBall(reading: payload.object("ball"))
        paddles = try GamePaddles(reading: payload.object("paddles"))
        score = try GameScoreLine(reading: payload.object("score"))
        lastSeq = try GameSeqs(reading: payload.object("lastSeq"))
        spectators = Int(try payload.integer("spectators", in: 0...Int64(Int32.max)))
    }

    /// The hot path (every room, every state period): members written straight, no intermediate values.
    func write(to writer: inout JSONWriter) {
        writer.member("gameId", gameId.rawValue)
        writer.member("tick", tick)
        writer.member("phase", phase.rawValue)
        writer.writeObject("ball", ball)
        writer.writeObject("paddles", paddles)
        writer.writeObject("score", score)
        writer.writeObject("lastSeq", lastSeq)
        writer.member("spectators", Int64(spectators))
    }
}
