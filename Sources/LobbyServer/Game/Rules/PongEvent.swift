/// What happened during one tick, in order; the owner turns these into `game:*` events.
enum PongEvent: Equatable, Sendable {
    /// The ball was served from the centre towards `toward`.
    case served(toward: PongSide)
    /// The ball bounced off the top or bottom wall.
    case wallBounce
    /// The ball bounced off `side`'s paddle.
    case paddleHit(PongSide)
    /// `side` scored; `score` is the score after the point.
    case scored(PongSide, PongScore)
    /// `winner` reached the points to win; the game is over.
    case finished(winner: PongSide)
}
