/// What one player's paddle does during a tick.
enum PaddleInput: Equatable, Sendable {
    /// Stay where it is.
    case stop
    /// Move up (towards `y = 0`) at the paddle speed.
    case up
    /// Move down (towards `y = fieldHeight`) at the paddle speed.
    case down
    /// Move towards this centre `y` (clamped into the field) at most the paddle speed, stopping on it.
    case target(Double)
}

/// Both players' inputs for one tick.
struct PaddleInputs: Equatable, Sendable {
    /// The left player's input.
    var left: PaddleInput
    /// The right player's input.
    var right: PaddleInput

    /// Both paddles still.
    static let none = PaddleInputs(left: .stop, right: .stop)

    /// `side`'s input.
    subscript(side: PongSide) -> PaddleInput { side == .left ? left : right }
}
