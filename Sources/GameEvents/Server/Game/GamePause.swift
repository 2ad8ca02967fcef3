/// `game:pause` payload: `{"gameId", "tick", "userId", "reason": "disconnected", "forfeitAt"}`, the game stopped
/// because `userId`'s last connection dropped; unless they are back by `forfeitAt`, they lose by forfeit.
public struct GamePause: Equatable, Sendable {
    /// The game.
    public var gameId: GameID
    /// The tick the game stopped at.
    public var tick: Int64
    /// The player who is gone.
    public var userId: UserID
    /// Why the game paused.
    public var reason: GamePauseReason
    /// When the player loses by forfeit if still gone, in milliseconds since the epoch.
    public var forfeitAt: Int64

    /// A pause with every field given.
    public init(gameId: GameID, tick: Int64, userId: UserID, reason: GamePauseReason = .disconnected,
                forfeitAt: Int64) {
        self.gameId = gameId
        self.tick = tick
        self.userId = userId
        self.reason = reason
        self.forfeitAt = forfeitAt
    }
}

extension GamePause: WirePayload {
    init(reading payload: PayloadReader) throws(EventDecodingError) {
        gameId = try payload.gameID("gameId")
        tick = try payload.integer("tick", in: 0...Int64.max)
        userId = try payload.userID("userId")
        reason = try payload.enumeration("reason")
        forfeitAt = try payload.integer("forfeitAt")
    }

    func write(to writer: inout JSONWriter) {
        writer.member("gameId", gameId.rawValue)
        writer.member("tick", tick)
        writer.member("userId", userId.rawValue)
        writer.member("reason", reason.rawValue)
        writer.member("forfeitAt", forfeitAt)
    }
}
