extension PongSimulation {
    /// The most collisions resolved in one tick. The rules bound the top speed by the field, so a tick holds at
    /// most two wall bounces, one paddle hit and a goal; the cap only guards against a loop that cannot end.
    static let maxCollisionsPerTick = 8

    /// Slack, in ticks, for contact times that rounding pushed just past the end of the tick.
    static let timeTolerance = 1e-9

    /// What `ball` meets first within `limit` ticks, with the time; walls win ties (the paddle is then met on
    /// the next pass, at time zero, with the reflected vertical velocity). Nil: nothing within `limit`.
    func earliestContact(of ball: PongBall, within limit: Double) -> (Double, PongContact)? {
        var best: (Double, PongContact)?
        func consider(_ time: Double?, _ contact: PongContact) {
            // A contact a rounding error past the end of the tick still counts (at the end of the tick), so a
            // ball arriving exactly as the tick ends does not finish it a hair behind a paddle face.
            guard let time, time >= 0, time <= limit + Self.timeTolerance else { return }
            if best == nil || time < best!.0 { best = (min(time, limit), contact) }
        }
        consider(wallTime(ball), .wall)
        let side: PongSide = ball.vx < 0 ? .left : .right
        if ball.vx != 0 {
            consider(paddleTime(side, ball), .paddle(side))
            let goalX = side == .left ? 0 : rules.fieldWidth
            consider((goalX - ball.x) / ball.vx, .goal(side))
        }
        return best
    }

    /// When `ball`'s edge reaches the wall it is heading for (now, if rounding left it touching), or nil when
    /// it moves horizontally.
    private func wallTime(_ ball: PongBall) -> Double? {
        if ball.vy < 0 { return max(0, (rules.ballRadius - ball.y) / ball.vy) }
        if ball.vy > 0 { return max(0, (rules.fieldHeight - rules.ballRadius - ball.y) / ball.vy) }
        return nil
    }

    /// When `ball` touches the face of `side`'s paddle (which it is heading towards), or nil when it misses it
    /// or is already past it. The face is widened by the ball's radius above and below, so a ball clipping a
    /// corner counts as a hit (and returns at the steepest angle).
    private func paddleTime(_ side: PongSide, _ ball: PongBall) -> Double? {
        let contactX = rules.faceX(side) - side.direction * rules.ballRadius
        // Already behind the face: the paddle can no longer be hit; the ball runs on to the goal line.
        let gap = (contactX - ball.x) * side.direction
        guard gap >= -Self.timeTolerance else { return nil }
        let time = max(0, (contactX - ball.x) / ball.vx)
        let y = ball.y + ball.vy * time
        let reach = rules.paddleHeight / 2 + rules.ballRadius
        return abs(y - paddles[side]) <= reach ? time : nil
    }

    /// `ball`, touching `side`'s paddle, returned off it: the angle grows with the distance from the paddle's
    /// centre (the edges and corners give ``PongRules/maxBounceAngle``), and the speed grows by the speed-up
    /// factor up to the cap.
    func returned(_ ball: PongBall, off side: PongSide) -> PongBall {
        let offset = min(max((ball.y - paddles[side]) / (rules.paddleHeight / 2), -1), 1)
        let angle = offset * rules.maxBounceAngle
        let speed = min(ball.speed * rules.speedUpFactor, rules.maxBallSpeed)
        var returned = ball
        returned.vx = -side.direction * speed * Self.cos(angle)
        returned.vy = speed * Self.sin(angle)
        return returned
    }

    /// A ball leaving the centre towards `side` at the serve speed and `angle` from the horizontal.
    func served(toward side: PongSide, angle: Double) -> PongBall {
        var ball = Self.restingBall(rules)
        ball.vx = side.direction * rules.serveSpeed * Self.cos(angle)
        ball.vy = rules.serveSpeed * Self.sin(angle)
        return ball
    }
}
