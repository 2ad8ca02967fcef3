extension PongRules {
    /// The tick rates ``forRate(ticksPerSecond:pointsToWin:serveDelayMs:)`` accepts (`GAME_TICK_RATE`).
    static let tickRateRange = 10...240
    /// The longest serve delay ``forRate(ticksPerSecond:pointsToWin:serveDelayMs:)`` accepts, in milliseconds.
    static let maxServeDelayMs = 60_000

    /// The standard paddle speed in field units per second (8 per tick at 60 ticks per second).
    static let standardPaddleSpeedPerSecond = 480.0
    /// The standard serve speed in field units per second (6 per tick at 60 ticks per second).
    static let standardServeSpeedPerSecond = 360.0
    /// The standard top ball speed in field units per second (20 per tick at 60 ticks per second).
    static let standardMaxBallSpeedPerSecond = 1_200.0

    /// The standard game (800 x 600 field, speeds defined per second above, speed-up 1.05 per paddle hit, which
    /// does not depend on the rate) at `ticksPerSecond`: per-tick speeds are the per-second ones divided by the
    /// rate, so a game lasts the same wall time at any rate. At 60 ticks per second, 11 points and 1000 ms it
    /// equals ``standard``.
    ///
    /// The slowest rate is bounded by the simulation's own limit, `maxBallSpeed <= min(width / 2, height - 2 *
    /// radius)` (a tick holds at most two wall bounces and one paddle hit): at 10 ticks per second the top
    /// speed is 120 units per tick, well inside the 400 allowed; the fastest by the schedule (240 ticks per
    /// second is a 4.2 ms period).
    ///
    /// - Parameters:
    ///   - ticksPerSecond: the owner's schedule rate, in ``tickRateRange``.
    ///   - pointsToWin: the score that wins, 1...21 (the lobby's setting).
    ///   - serveDelayMs: the pause before each serve, 0...``maxServeDelayMs``; rounded to the nearest tick
    ///     (halves up) and at least one tick.
    /// - Throws: ``Invalid`` naming `ticksPerSecond`, `serveDelayMs` or `pointsToWin` when out of range.
    static func forRate(
        ticksPerSecond: Int, pointsToWin: Int = 11, serveDelayMs: Int = 1_000
    ) throws(PongRules.Invalid) -> PongRules {
        guard tickRateRange.contains(ticksPerSecond) else {
            throw Invalid(field: "ticksPerSecond", requirement: "in 10...240")
        }
        guard (0...maxServeDelayMs).contains(serveDelayMs) else {
            throw Invalid(field: "serveDelayMs", requirement: "in 0...60000")
        }
        let rate = Double(ticksPerSecond)
        return try PongRules(
            paddleSpeed: standardPaddleSpeedPerSecond / rate, serveSpeed: standardServeSpeedPerSecond / rate,
            maxBallSpeed: standardMaxBallSpeedPerSecond / rate,
            serveDelayTicks: serveDelayTicks(ms: serveDelayMs, ticksPerSecond: ticksPerSecond),
            pointsToWin: pointsToWin, ticksPerSecond: ticksPerSecond)
    }

    /// `ms` as whole ticks at `ticksPerSecond`, rounded to the nearest (halves up), at least 1.
    static func serveDelayTicks(ms: Int, ticksPerSecond: Int) -> Int {
        max(1, (ms * ticksPerSecond + 500) / 1_000)
    }
}
