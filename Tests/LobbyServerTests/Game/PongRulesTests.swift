import Testing

@testable import LobbyServer

/// ``PongRules``: defaults and validation.
@Suite struct PongRulesTests {
    @Test func defaultsAreTheDocumentedOnes() {
        let rules = PongRules.standard
        #expect(rules.fieldWidth == 800 && rules.fieldHeight == 600)
        #expect(rules.ticksPerSecond == 60 && rules.pointsToWin == 11)
        #expect(rules.leftFaceX == 30 && rules.rightFaceX == 770)
    }

    @Test func outOfRangeValuesAreRejectedByName() {
        #expect(throws: PongRules.Invalid(field: "pointsToWin", requirement: "in 1...21")) {
            try PongRules(pointsToWin: 0)
        }
        #expect(throws: PongRules.Invalid(field: "pointsToWin", requirement: "in 1...21")) {
            try PongRules(pointsToWin: 22)
        }
        #expect((try? PongRules(pointsToWin: 21)) != nil && (try? PongRules(pointsToWin: 1)) != nil)
        #expect(throws: PongRules.Invalid.self) { try PongRules(fieldWidth: .nan) }
        #expect(throws: PongRules.Invalid.self) { try PongRules(maxBallSpeed: 500) }
        #expect(throws: PongRules.Invalid.self) { try PongRules(serveSpeed: 30, maxBallSpeed: 20) }
        #expect(throws: PongRules.Invalid.self) { try PongRules(speedUpFactor: 0.9) }
        #expect(throws: PongRules.Invalid.self) { try PongRules(paddleHeight: 700) }
        #expect(throws: PongRules.Invalid.self) { try PongRules(serveDelayTicks: 0) }
        #expect(throws: PongRules.Invalid.self) { try PongRules(ticksPerSecond: 0) }
        #expect(throws: PongRules.Invalid.self) { try PongRules(maxBounceAngle: 1.5) }
    }

    @Test func theTrigonometryMatchesKnownValues() {
        #expect(abs(PongSimulation.sin(.pi / 6) - 0.5) < 1e-15)
        #expect(abs(PongSimulation.cos(.pi / 3) - 0.5) < 1e-15)
        #expect(abs(PongSimulation.sin(.pi / 2) - 1) < 1e-14)
        #expect(abs(PongSimulation.cos(.pi / 2)) < 1e-14)
        #expect(PongSimulation.sin(0) == 0 && PongSimulation.cos(0) == 1)
        for step in -20...20 {
            let x = Double(step) / 20 * (.pi / 2)
            let s = PongSimulation.sin(x)
            let c = PongSimulation.cos(x)
            #expect(abs(s * s + c * c - 1) < 1e-14)
        }
    }
}
