@testable import LobbyServer

/// Builders and a perfect player for the Pong tests.
enum PongFixture {
    /// The default rules.
    static let rules = PongRules.standard

    /// A game in play with the ball and paddles placed as given (score 0-0, tick 0).
    static func playing(
        _ ball: PongBall, left: Double = 300, right: Double = 300, rules: PongRules = rules
    ) -> PongSimulation {
        PongSimulation(
            rules: rules, random: SplitMix64(seed: 1), tick: 0, ball: ball,
            paddles: PongPaddles(left: left, right: right), score: .zero, phase: .playing, serveToward: .left)
    }

    /// The `x` of the ball's centre when it touches `side`'s paddle face.
    static func contactX(_ side: PongSide, _ rules: PongRules = rules) -> Double {
        rules.faceX(side) - side.direction * rules.ballRadius
    }

    /// Where the ball's centre will be (in `y`) when it reaches `x`, folding wall bounces in.
    static func predictedY(of ball: PongBall, atX x: Double, rules: PongRules = rules) -> Double {
        let raw = ball.y + ball.vy * ((x - ball.x) / ball.vx) - rules.ballRadius
        let span = rules.fieldHeight - 2 * rules.ballRadius
        var folded = raw.truncatingRemainder(dividingBy: 2 * span)
        if folded < 0 { folded += 2 * span }
        if folded > span { folded = 2 * span - folded }
        return rules.ballRadius + folded
    }

    /// A perfect `side` player: meets every ball coming its way a little off-centre (so returns are angled and
    /// rallies end), and waits in the middle otherwise.
    static func perfectInput(_ side: PongSide, _ game: PongSimulation) -> PaddleInput {
        let rules = game.rules
        guard game.phase == .playing, game.ball.vx * side.direction > 0 else {
            return .target(rules.fieldHeight / 2)
        }
        let y = predictedY(of: game.ball, atX: contactX(side, rules), rules: rules)
        return .target(y + (y < rules.fieldHeight / 2 ? 35 : -35))
    }

    /// A random input drawn from `random` (for determinism tests).
    static func randomInput(_ random: inout SplitMix64) -> PaddleInput {
        switch random.next() % 4 {
        case 0: return .stop
        case 1: return .up
        case 2: return .down
        default: return .target(random.nextUnit() * 700 - 50)
        }
    }
}

extension PongFixture {
    /// Tangent from the simulation's own sine and cosine.
    static func tan(_ angle: Double) -> Double { PongSimulation.sin(angle) / PongSimulation.cos(angle) }
}
