/// What the ball meets first within the rest of a tick (see `PongSimulation+Ball.swift`).
enum PongContact: Equatable, Sendable {
    /// The top (`y = radius`) or bottom (`y = height - radius`) wall.
    case wall
    /// A paddle's front face (or corner).
    case paddle(PongSide)
    /// `side`'s goal line, crossed by the ball's centre: the other side scores.
    case goal(PongSide)
}
