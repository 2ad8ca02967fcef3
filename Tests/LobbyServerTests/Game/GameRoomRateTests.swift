import Testing

@testable import LobbyServer

/// ``PongRules/forRate(ticksPerSecond:pointsToWin:serveDelayMs:)``: the standard game at any tick rate.
@Suite struct GameRoomRateTests {
    @Test func sixtyTicksPerSecondIsTheStandardGame() throws {
        #expect(try PongRules.forRate(ticksPerSecond: 60, pointsToWin: 11, serveDelayMs: 1_000) == .standard)
        let five = try PongRules.forRate(ticksPerSecond: 60, pointsToWin: 5)
        #expect(five.pointsToWin == 5 && five.paddleSpeed == 8 && five.serveSpeed == 6 && five.maxBallSpeed == 20)
    }

    @Test(arguments: [10, 20, 30, 50, 60, 64, 100, 120, 128, 144, 240])
    func speedsPerSecondAndTheServeDelayDoNotDependOnTheRate(rate: Int) throws {
        let rules = try PongRules.forRate(ticksPerSecond: rate, pointsToWin: 5, serveDelayMs: 1_000)
        let perSecond = Double(rate)
        #expect(abs(rules.paddleSpeed * perSecond - 480) < 1e-9)
        #expect(abs(rules.serveSpeed * perSecond - 360) < 1e-9)
        #expect(abs(rules.maxBallSpeed * perSecond - 1_200) < 1e-9)
        #expect(rules.speedUpFactor == 1.05 && rules.ticksPerSecond == rate)
        #expect(rules.serveDelayTicks == rate)
        #expect(rules.fieldWidth == 800 && rules.fieldHeight == 600 && rules.paddleHeight == 100)
    }

    @Test func theServeDelayIsRoundedToWholeTicksAndAtLeastOne() throws {
        func ticks(_ ms: Int, _ rate: Int) throws -> Int {
            try PongRules.forRate(ticksPerSecond: rate, serveDelayMs: ms).serveDelayTicks
        }
        #expect(try ticks(25, 60) == 2)  // 1.5 rounds up
        #expect(try ticks(24, 60) == 1)  // 1.44
        #expect(try ticks(8, 60) == 1)  // 0.48, but never 0
        #expect(try ticks(0, 60) == 1)
        #expect(try ticks(1_500, 144) == 216)
        #expect(try ticks(60_000, 240) == 14_400)
    }

    @Test func outOfRangeArgumentsAreRejectedByName() {
        #expect(throws: PongRules.Invalid(field: "ticksPerSecond", requirement: "in 10...240")) {
            try PongRules.forRate(ticksPerSecond: 9)
        }
        #expect(throws: PongRules.Invalid(field: "ticksPerSecond", requirement: "in 10...240")) {
            try PongRules.forRate(ticksPerSecond: 241)
        }
        #expect(throws: PongRules.Invalid(field: "serveDelayMs", requirement: "in 0...60000")) {
            try PongRules.forRate(ticksPerSecond: 60, serveDelayMs: -1)
        }
        #expect(throws: PongRules.Invalid(field: "serveDelayMs", requirement: "in 0...60000")) {
            try PongRules.forRate(ticksPerSecond: 60, serveDelayMs: 60_001)
        }
        #expect(throws: PongRules.Invalid(field: "pointsToWin", requirement: "in 1...21")) {
            try PongRules.forRate(ticksPerSecond: 60, pointsToWin: 0)
        }
    }

    /// At the extreme rates the game still plays out: a perfect player beats a still paddle, and a first serve
    /// takes the same wall time (one second) at every rate.
    @Test(arguments: [10, 240]) func theExtremeRatesPlayWholeGames(rate: Int) throws {
        let rules = try PongRules.forRate(ticksPerSecond: rate, pointsToWin: 3)
        var game = PongSimulation(rules: rules, seed: 5)
        var ticks = 0
        var firstServeTick: Int?
        while ticks < 1_000 * rate, game.score.left < 3, game.score.right < 3 {
            let events = game.step(inputs: PaddleInputs(left: PongFixture.perfectInput(.left, game), right: .stop))
            ticks += 1
            if firstServeTick == nil, events.contains(where: { if case .served = $0 { true } else { false } }) {
                firstServeTick = ticks
            }
        }
        #expect(game.phase == .finished(winner: .left))
        #expect(game.score == PongScore(left: 3, right: 0))
        #expect(firstServeTick == rate)
    }
}
