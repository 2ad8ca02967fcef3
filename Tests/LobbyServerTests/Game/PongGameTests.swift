import Testing

@testable import LobbyServer

/// ``PongSimulation`` over many ticks: scoring, serves, winning, determinism and a scripted game.
@Suite struct PongGameTests {
    let rules = PongFixture.rules

    @Test(arguments: PongSide.allCases) func crossingAGoalLineScoresForTheOtherSide(conceding: PongSide) {
        let goalX = conceding == .left ? 0.0 : rules.fieldWidth
        var game = PongFixture.playing(
            PongBall(x: goalX - conceding.direction * 3, y: 500, vx: conceding.direction * 6, vy: 1))
        let scorer = conceding.opponent
        var expected = PongScore.zero
        expected[scorer] = 1
        #expect(game.step(inputs: .none) == [.scored(scorer, expected)])
        #expect(game.score == expected)
        #expect(game.phase == .serving(countdownTicks: rules.serveDelayTicks))
        #expect(game.serveToward == conceding)
        #expect(game.ball == PongSimulation.restingBall(rules))

        // The ball rests for the serve delay, then leaves the centre towards the player who conceded.
        for _ in 1..<rules.serveDelayTicks {
            #expect(game.step(inputs: .none) == [])
            #expect(game.ball == PongSimulation.restingBall(rules))
        }
        #expect(game.step(inputs: .none) == [.served(toward: conceding)])
        #expect(game.phase == .playing)
        #expect(game.ball.vx * conceding.direction > 0)
        #expect(abs(game.ball.speed - rules.serveSpeed) < 1e-12)
        #expect(abs(game.ball.vy) <= abs(game.ball.vx) * PongFixture.tan(rules.maxServeAngle) + 1e-12)
    }

    @Test func reachingThePointsToWinFinishesTheGame() throws {
        let short = try PongRules(pointsToWin: 2)
        var game = PongSimulation(
            rules: short, random: SplitMix64(seed: 3), tick: 7, ball: PongBall(x: 2, y: 300, vx: -6, vy: 0),
            paddles: PongPaddles(left: 100, right: 300), score: PongScore(left: 0, right: 1), phase: .playing,
            serveToward: .left)
        let final = PongScore(left: 0, right: 2)
        #expect(game.step(inputs: .none) == [.scored(.right, final), .finished(winner: .right)])
        #expect(game.phase == .finished(winner: .right))
        let over = game
        #expect(game.step(inputs: PaddleInputs(left: .down, right: .up)) == [])
        #expect(game == over)
        #expect(game.tick == 8)
    }

    @Test func aNewGameWaitsThenServesTowardsASideDrawnFromTheSeed() {
        var sides: Set<PongSide> = []
        for seed in UInt64(0)..<16 {
            var game = PongSimulation(rules: rules, seed: seed)
            #expect(game.phase == .serving(countdownTicks: 60) && game.score == .zero && game.tick == 0)
            var served: [PongEvent] = []
            for _ in 0..<60 { served += game.step(inputs: .none) }
            #expect(served == [.served(toward: game.serveToward)])
            sides.insert(game.serveToward)
        }
        #expect(sides == Set(PongSide.allCases))
    }

    /// Same seed and inputs: identical state after every one of 10,000 ticks (long rallies at the speed cap and
    /// several points and serves); another seed diverges.
    @Test func theSimulationIsDeterministic() {
        func run(seed: UInt64, onTick: (Int, PongSimulation) -> Void) {
            var game = PongSimulation(rules: try! PongRules(pointsToWin: 21), seed: seed)
            var noise = SplitMix64(seed: 42)
            for tick in 0..<10_000 {
                // Two perfect players, jostled every third tick so that points are scored now and then.
                let noisy = tick % 3 == 0
                let left = noisy ? PongFixture.randomInput(&noise) : PongFixture.perfectInput(.left, game)
                let right = noisy ? PongFixture.randomInput(&noise) : PongFixture.perfectInput(.right, game)
                _ = game.step(inputs: PaddleInputs(left: left, right: right))
                onTick(tick, game)
            }
        }
        var first: [PongSimulation] = []
        run(seed: 2024) { _, game in first.append(game) }
        var mismatches = 0
        run(seed: 2024) { tick, game in if game != first[tick] { mismatches += 1 } }
        #expect(mismatches == 0)
        #expect(first.last!.phase == .playing && first.last!.tick == 10_000)
        #expect(first.last!.score != .zero)
        #expect(first.contains { $0.ball.speed == $0.rules.maxBallSpeed })

        var differing = 0
        run(seed: 2025) { tick, game in if game.ball != first[tick].ball { differing += 1 } }
        #expect(differing > 1_000)
    }

    /// A perfect player against a paddle that never moves wins 11-0, and the events tell the whole story.
    @Test func aPerfectPlayerBeatsAStillPaddle() {
        var game = PongSimulation(rules: rules, seed: 7)
        var events: [PongEvent] = []
        var ticks = 0
        while ticks < 200_000, game.phase != .finished(winner: .left), game.phase != .finished(winner: .right) {
            events += game.step(inputs: PaddleInputs(left: PongFixture.perfectInput(.left, game), right: .stop))
            ticks += 1
        }
        #expect(game.phase == .finished(winner: .left))
        #expect(game.score == PongScore(left: 11, right: 0))
        #expect(game.paddles.right == 300)
        let scores = events.compactMap { event -> PongScore? in
            if case .scored(_, let score) = event { return score }
            return nil
        }
        #expect(scores == (1...11).map { PongScore(left: $0, right: 0) })
        #expect(events.last == .finished(winner: .left))
        #expect(events.contains(.paddleHit(.left)))
        #expect(game.tick == UInt64(ticks))
    }
}
