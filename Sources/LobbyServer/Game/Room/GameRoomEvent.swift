import GameEvents

/// What happened in a room, returned by its event methods in order; the owner turns these into `game:*` events.
enum GameRoomEvent: Equatable, Sendable {
    /// The ball was served towards `toward`.
    case served(toward: PongSide)
    /// `side` scored; `score` is the score after the point (`game:score`).
    case scored(PongSide, PongScore)
    /// `user`'s last connection dropped: the game is paused, and `user` forfeits when ``GameRoom/roomTick``
    /// reaches `forfeitAtRoomTick` unless they come back first (`game:pause`).
    case paused(UserID, forfeitAtRoomTick: UInt64)
    /// `user` came back and nobody is away any more: play continues after `countdownTicks` room ticks
    /// (`game:resume`).
    case resumed(UserID, countdownTicks: Int)
    /// The game is over (`game:end`); the room ignores everything from now on.
    case ended(GameResult)
}
