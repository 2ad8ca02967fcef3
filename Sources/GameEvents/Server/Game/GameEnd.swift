/// `game:end` payload: the game is over. Sent to players and spectators (the `game:leave` requester's copy with
/// `replyTo`); at the end of a `game:replay` with `replay` true.
public struct GameEnd: Equatable, Sendable {
    /// The game.
    public var gameId: GameID
    /// The lobby it was started from; absent for games without one.
    public var lobbyId: LobbyID?
    /// The winner; absent when nobody won (`abandoned`).
    public var winnerId: UserID?
    /// The final score.
    public var score: GameScoreLine
    /// How the game ended.
    public var reason: GameEndReason
    /// How long it was played, in milliseconds (pauses included).
    public var durationMs: Int64
    /// The last tick.
    public var tick: Int64
    /// When it ended, in milliseconds since the epoch.
    public var endedAt: Int64
    /// Whether this ends a replay rather than a live game.
    public var replay: Bool

    /// An end with every field given.
    public init(gameId: GameID, lobbyId: LobbyID? = nil, winnerId: UserID?, score: GameScoreLine,
                reason: GameEndReason, durationMs: Int64, tick: Int64, endedAt: Int64, replay: Bool = false) {
        self.gameId = gameId
        self.lobbyId = lobbyId
        self.winnerId = winnerId
        self.score = score
        self.reason = reason
        self.durationMs = durationMs
        self.tick = tick
        self.endedAt = endedAt
        self.replay = replay
    }
}

extension GameEnd: WirePayload {
    init(reading payload: PayloadReader) throws(EventDecodingError) {
        gameId = try payload.gameID("gameId")
        lobbyId = try payload.lobbyIDIfPresent("lobbyId")
        winnerId = try payload.userIDIfPresent("winnerId")
        score = try GameScoreLine(reading: payload.object("score"))
        reason = try payload.enumeration("reason")
        durationMs = try payload.integer("durationMs", in: 0...Int64.max)
        tick = try payload.integer("tick", in: 0...Int64.max)
        endedAt = try payload.integer("endedAt")
        replay = try payload.bool("replay")
    }

    func write(to writer: inout JSONWriter) {
        writer.member("gameId", gameId.rawValue)
        writer.member("lobbyId", ifPresent: lobbyId?.rawValue)
        writer.member("winnerId", ifPresent: winnerId?.rawValue)
        writer.writeObject("score", score)
        writer.member("reason", reason.rawValue)
        writer.member("durationMs", durationMs)
        writer.member("tick", tick)
        writer.member("endedAt", endedAt)
        writer.member("replay", replay)
    }
}
