/// The ball: its centre and its velocity (units per tick).
struct PongBall: Equatable, Sendable {
    /// The centre's `x`.
    var x: Double
    /// The centre's `y` (grows downwards).
    var y: Double
    /// The velocity along `x`, per tick.
    var vx: Double
    /// The velocity along `y`, per tick.
    var vy: Double

    /// The ball's speed (length of the velocity).
    var speed: Double { (vx * vx + vy * vy).squareRoot() }

    /// Moves the ball along its velocity for `time` ticks (a fraction within a tick).
    mutating func advance(by time: Double) {
        x += vx * time
        y += vy * time
    }
}
