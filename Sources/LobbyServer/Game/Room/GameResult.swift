import GameEvents

/// How a game room ended.
struct GameResult: Equatable, Sendable {
    /// The winning side; nil when the game was abandoned.
    let winner: PongSide?
    /// The final score.
    let score: PongScore
    /// Why it ended: a player reached the points to win, a player forfeited, or nobody won.
    let reason: GameEndReason
    /// Simulation steps played (pauses and countdowns do not count): the replay's final tick.
    let simulationTicks: UInt64
    /// Room ticks from the start to the end, pauses included (the game's duration in schedule ticks).
    let roomTicks: UInt64
}
