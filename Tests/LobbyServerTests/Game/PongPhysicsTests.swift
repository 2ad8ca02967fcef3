import Testing

@testable import LobbyServer

/// ``PongSimulation`` physics within a tick: walls, paddle faces and corners, speed-up, paddles, no tunnelling.
@Suite struct PongPhysicsTests {
    let rules = PongFixture.rules

    @Test func theBallBouncesOffTheTopAndBottomWallsMidTick() {
        var game = PongFixture.playing(PongBall(x: 400, y: 13, vx: 2, vy: -10))
        #expect(game.step(inputs: .none) == [.wallBounce])
        #expect(game.ball == PongBall(x: 402, y: 13, vx: 2, vy: 10))

        var bottom = PongFixture.playing(PongBall(x: 400, y: 588, vx: -2, vy: 8))
        #expect(bottom.step(inputs: .none) == [.wallBounce])
        #expect(bottom.ball == PongBall(x: 398, y: 588, vx: -2, vy: -8))
    }

    @Test func aCentreHitReturnsTheBallStraightAndFaster() {
        let contact = PongFixture.contactX(.left)
        var game = PongFixture.playing(PongBall(x: contact + 3, y: 300, vx: -6, vy: 0))
        #expect(game.step(inputs: .none) == [.paddleHit(.left)])
        #expect(game.ball.vy == 0)
        #expect(abs(game.ball.vx - 6.3) < 1e-12)
        #expect(abs(game.ball.x - (contact + 0.5 * 6.3)) < 1e-12)

        let right = PongFixture.contactX(.right)
        var mirrored = PongFixture.playing(PongBall(x: right - 3, y: 300, vx: 6, vy: 0))
        #expect(mirrored.step(inputs: .none) == [.paddleHit(.right)])
        #expect(abs(mirrored.ball.vx + 6.3) < 1e-12 && mirrored.ball.vy == 0)
    }

    /// The return angle is proportional to the offset from the paddle's centre, away from the centre.
    @Test func theReturnAngleGrowsTowardsTheEdges() {
        let contact = PongFixture.contactX(.left)
        for (offset, angle) in [(50.0, Double.pi / 3), (25, .pi / 6), (-25, -.pi / 6), (-50, -.pi / 3)] {
            var game = PongFixture.playing(PongBall(x: contact + 3, y: 300 + offset, vx: -6, vy: 0))
            #expect(game.step(inputs: .none) == [.paddleHit(.left)])
            #expect(abs(game.ball.vy / game.ball.vx - PongFixture.tan(angle)) < 1e-9, "offset \(offset)")
            #expect(game.ball.vx > 0)
        }
    }

    /// A ball whose centre passes beyond the paddle's end but within one radius clips the corner: it is
    /// returned at the steepest angle; one radius further it misses.
    @Test func cornerHitsReturnAtTheSteepestAngleAndNearMissesPass() {
        let contact = PongFixture.contactX(.right)
        var clip = PongFixture.playing(PongBall(x: contact - 3, y: 300 - 50 - 7, vx: 6, vy: 0))
        #expect(clip.step(inputs: .none) == [.paddleHit(.right)])
        #expect(clip.ball.vx < 0 && clip.ball.vy < 0)
        #expect(abs(clip.ball.vy / clip.ball.vx - PongFixture.tan(.pi / 3)) < 1e-9)

        var miss = PongFixture.playing(PongBall(x: contact - 3, y: 300 - 50 - 9, vx: 6, vy: 0))
        #expect(miss.step(inputs: .none) == [])
        #expect(miss.ball.x > contact && miss.ball.vx == 6)
    }

    @Test func eachHitSpeedsTheBallUpToTheCap() {
        let contact = PongFixture.contactX(.left)
        var speed = 6.0
        var expected = 6.0
        while expected < rules.maxBallSpeed {
            var game = PongFixture.playing(PongBall(x: contact + 0.5 * speed, y: 300, vx: -speed, vy: 0))
            _ = game.step(inputs: .none)
            expected = min(expected * 1.05, rules.maxBallSpeed)
            speed = game.ball.speed
            #expect(abs(speed - expected) < 1e-9)
        }
        #expect(speed == rules.maxBallSpeed)
        var capped = PongFixture.playing(PongBall(x: contact + 10, y: 300, vx: -20, vy: 0))
        _ = capped.step(inputs: .none)
        #expect(capped.ball.speed == rules.maxBallSpeed)
    }

    @Test func paddlesStayInsideTheField() {
        var game = PongFixture.playing(PongSimulation.restingBall(rules))
        for _ in 0..<100 { _ = game.step(inputs: PaddleInputs(left: .up, right: .down)) }
        #expect(game.paddles == PongPaddles(left: 50, right: 550))
        _ = game.step(inputs: PaddleInputs(left: .target(-1000), right: .target(10_000)))
        #expect(game.paddles == PongPaddles(left: 50, right: 550))
        _ = game.step(inputs: PaddleInputs(left: .down, right: .up))
        #expect(game.paddles == PongPaddles(left: 58, right: 542))
    }

    @Test func aTargetIsApproachedAtPaddleSpeedAndHeld() {
        var game = PongFixture.playing(PongSimulation.restingBall(rules))
        var lefts: [Double] = []
        for _ in 0..<5 {
            _ = game.step(inputs: PaddleInputs(left: .target(330), right: .target(285)))
            lefts.append(game.paddles.left)
        }
        #expect(lefts == [308, 316, 324, 330, 330])
        #expect(game.paddles.right == 285)
        _ = game.step(inputs: PaddleInputs(left: .target(.nan), right: .target(.infinity)))
        #expect(game.paddles == PongPaddles(left: 330, right: 285))
    }

    /// At the top speed, every ball that meets a paddle face within a tick, at any angle, any point of the face
    /// and any fraction of the tick, is returned and never ends the tick behind the face.
    @Test(arguments: PongSide.allCases) func noTunnellingAtMaximumSpeed(side: PongSide) {
        let speed = rules.maxBallSpeed
        let contact = PongFixture.contactX(side)
        let paddle = 240.0
        var checked = 0
        for angleStep in -30...30 {
            let angle = Double(angleStep) / 30 * rules.maxBounceAngle
            let vx = side.direction * speed * PongSimulation.cos(angle)
            let vy = speed * PongSimulation.sin(angle)
            for fraction in stride(from: 0.0, through: 1.0, by: 0.05) {
                for point in stride(from: -0.98, through: 0.98, by: 0.07) {
                    let hitY = paddle + point * (rules.paddleHeight / 2 + rules.ballRadius)
                    let start = PongBall(x: contact - vx * fraction, y: hitY - vy * fraction, vx: vx, vy: vy)
                    var game = PongFixture.playing(start, left: paddle, right: paddle)
                    let events = game.step(inputs: .none)
                    checked += 1
                    #expect(events == [.paddleHit(side)], "angle \(angle) fraction \(fraction) point \(point)")
                    #expect((game.ball.x - contact) * side.direction <= 1e-9)
                    #expect(game.ball.vx * side.direction < 0)
                }
            }
        }
        #expect(checked > 10_000)
    }

    /// Random play at top speed with jittering paddles: the ball never leaves the field between the walls,
    /// never exceeds the cap, and is never behind a paddle face moving away from the goal.
    @Test func randomPlayAtTopSpeedKeepsTheInvariants() throws {
        let fast = try PongRules(serveSpeed: 20, speedUpFactor: 1.5, serveDelayTicks: 1, pointsToWin: 21)
        var game = PongSimulation(rules: fast, seed: 99)
        var random = SplitMix64(seed: 5)
        for _ in 0..<20_000 {
            let inputs = PaddleInputs(
                left: PongFixture.randomInput(&random), right: PongFixture.randomInput(&random))
            _ = game.step(inputs: inputs)
            let ball = game.ball
            #expect(ball.y >= fast.ballRadius && ball.y <= fast.fieldHeight - fast.ballRadius)
            #expect(ball.x >= 0 && ball.x <= fast.fieldWidth)
            #expect(ball.speed <= fast.maxBallSpeed + 1e-9)
        }
    }
}
