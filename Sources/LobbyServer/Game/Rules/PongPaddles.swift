/// The two paddles' centre `y` coordinates (their `x` is fixed by the rules).
struct PongPaddles: Equatable, Sendable {
    /// The left paddle's centre `y`.
    var left: Double
    /// The right paddle's centre `y`.
    var right: Double

    /// `side`'s paddle centre `y`.
    subscript(side: PongSide) -> Double {
        get { side == .left ? left : right }
        set {
            if side == .left { left = newValue } else { right = newValue }
        }
    }
}
