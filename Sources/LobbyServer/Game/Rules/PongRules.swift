/// The numbers of one Pong game, in abstract field units and ticks (speeds are units per tick). The field's
/// origin is its top-left corner, `x` grows to the right and `y` grows downwards; the left player defends the
/// goal line `x = 0`, the right player `x = fieldWidth`. The initializer validates every value, so a
/// `PongRules` is always playable.
struct PongRules: Equatable, Sendable {
    /// The field's width (goal line to goal line).
    let fieldWidth: Double
    /// The field's height (top wall to bottom wall).
    let fieldHeight: Double
    /// A paddle's height.
    let paddleHeight: Double
    /// A paddle's thickness along `x`.
    let paddleWidth: Double
    /// The gap between a goal line and the back of its paddle.
    let paddleMargin: Double
    /// How far a paddle moves in one tick.
    let paddleSpeed: Double
    /// The ball's radius.
    let ballRadius: Double
    /// The ball's speed when served, per tick.
    let serveSpeed: Double
    /// The ball's speed is multiplied by this on every paddle hit (at least 1), up to ``maxBallSpeed``.
    let speedUpFactor: Double
    /// The ball's top speed, per tick. Bounded by the field so a tick holds only a few bounces.
    let maxBallSpeed: Double
    /// The angle from the horizontal, in radians, of a ball returned off a paddle's edge (or corner); a hit
    /// at the paddle's centre returns it horizontally, in between the angle is proportional to the offset.
    let maxBounceAngle: Double
    /// Serves leave the centre at a random angle from the horizontal in `-maxServeAngle...maxServeAngle`.
    let maxServeAngle: Double
    /// Ticks between a point (or the start) and the serve.
    let serveDelayTicks: Int
    /// The score that wins the game (1...21).
    let pointsToWin: Int
    /// The simulation rate the owner runs the game at (the simulation itself only counts ticks).
    let ticksPerSecond: Int

    /// The default rules: an 800 x 600 field, 60 ticks per second, first to 11.
    static let standard = try! PongRules()

    /// Rules with the given values; absent ones keep the documented defaults. Throws the first value that is
    /// out of range, naming it.
    init(
        fieldWidth: Double = 800, fieldHeight: Double = 600, paddleHeight: Double = 100, paddleWidth: Double = 10,
        paddleMargin: Double = 20, paddleSpeed: Double = 8, ballRadius: Double = 8, serveSpeed: Double = 6,
        speedUpFactor: Double = 1.05, maxBallSpeed: Double = 20, maxBounceAngle: Double = .pi / 3,
        maxServeAngle: Double = .pi / 6, serveDelayTicks: Int = 60, pointsToWin: Int = 11, ticksPerSecond: Int = 60
    ) throws(PongRules.Invalid) {
        self.fieldWidth = fieldWidth
        self.fieldHeight = fieldHeight
        self.paddleHeight = paddleHeight
        self.paddleWidth = paddleWidth
        self.paddleMargin = paddleMargin
        self.paddleSpeed = paddleSpeed
        self.ballRadius = ballRadius
        self.serveSpeed = serveSpeed
        self.speedUpFactor = speedUpFactor
        self.maxBallSpeed = maxBallSpeed
        self.maxBounceAngle = maxBounceAngle
        self.maxServeAngle = maxServeAngle
        self.serveDelayTicks = serveDelayTicks
        self.pointsToWin = pointsToWin
        self.ticksPerSecond = ticksPerSecond
        try validate()
    }

    /// The `x` of the left paddle's front face (the one the ball hits).
    var leftFaceX: Double { paddleMargin + paddleWidth }

    /// The `x` of the right paddle's front face.
    var rightFaceX: Double { fieldWidth - paddleMargin - paddleWidth }

    /// The `x` of `side`'s paddle face.
    func faceX(_ side: PongSide) -> Double { side == .left ? leftFaceX : rightFaceX }
}
