/// Where a game is in its cycle: waiting to serve, in play, or over.
enum PongPhase: Equatable, Sendable {
    /// The ball rests at the centre; it is served after this many more ticks (at least 1).
    case serving(countdownTicks: Int)
    /// The ball is moving.
    case playing
    /// `winner` reached the points to win; `step` does nothing any more.
    case finished(winner: PongSide)
}
