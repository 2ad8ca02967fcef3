/// `game:score` payload: `{"gameId", "tick", "side", "userId", "score"}`, a point was scored by `side`'s player;
/// sent to players and spectators (after it, the ball waits at the centre for the next serve).
public struct GameScore: Equatable, Sendable {
    /// The game.
    public var gameId: GameID
    /// The tick the point was scored on.
    public var tick: Int64
    /// The side that scored.
    public var side: GameSide
    /// The player who scored.
    public var userId: UserID
    /// The score after the point.
    public var score: GameScoreLine

    /// A point with every field given.
    public init(gameId: GameID, tick: Int64, side: GameSide, userId: UserID, score: GameScoreLine) {
        self.gameId = gameId
        self.tick = tick
        self.side = side
        self.userId = userId
        self.score = score
    }
}

extension GameScore: WirePayload {
    init(reading payload: PayloadReader) throws(EventDecodingError) {
        gameId = try payload.gameID("gameId")
        tick = try payload.integer("tick", in: 0...Int64.max)
        side = try payload.enumeration("side")
        userId = try payload.userID("userId")
        score = try GameScoreLine(reading: payload.object("score"))
    }

    func write(to writer: inout JSONWriter) {
        writer.member("gameId", gameId.rawValue)
        writer.member("tick", tick)
        writer.member("side", side.rawValue)
        writer.member("userId", userId.rawValue)
        writer.writeObject("score", score)
    }
}
