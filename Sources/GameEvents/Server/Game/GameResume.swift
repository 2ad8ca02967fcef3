/// `game:resume` payload: `{"gameId", "tick", "userId", "resumesInMs"}`, the player who was gone is back; the
/// game is `resuming` and play continues after `resumesInMs`.
public struct GameResume: Equatable, Sendable {
    /// The game.
    public var gameId: GameID
    /// The tick the game is at (the one it paused at).
    public var tick: Int64
    /// The player who is back.
    public var userId: UserID
    /// How long until play continues, in milliseconds.
    public var resumesInMs: Int64

    /// A resume with every field given.
    public init(gameId: GameID, tick: Int64, userId: UserID, resumesInMs: Int64) {
        self.gameId = gameId
        self.tick = tick
        self.userId = userId
        self.resumesInMs = resumesInMs
    }
}

extension GameResume: WirePayload {
    init(reading payload: PayloadReader) throws(EventDecodingError) {
        gameId = try payload.gameID("gameId")
        tick = try payload.integer("tick", in: 0...Int64.max)
        userId = try payload.userID("userId")
        resumesInMs = try payload.integer("resumesInMs", in: 0...Int64.max)
    }

    func write(to writer: inout JSONWriter) {
        writer.member("gameId", gameId.rawValue)
        writer.member("tick", tick)
        writer.member("userId", userId.rawValue)
        writer.member("resumesInMs", resumesInMs)
    }
}
