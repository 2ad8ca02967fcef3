extension PongRules {
    /// A rules value out of range: the field's name and the range it must be in.
    struct Invalid: Error, Equatable, Sendable {
        /// The offending field, as named in ``PongRules``.
        let field: String
        /// What the value must be, for people.
        let requirement: String
    }

    /// Checks every value in turn; throws the first that is out of range.
    func validate() throws(Invalid) {
        try require("fieldWidth", fieldWidth.isFinite && fieldWidth > 0, "a positive number")
        try require("fieldHeight", fieldHeight.isFinite && fieldHeight > 0, "a positive number")
        try require(
            "ballRadius", ballRadius > 0 && 4 * ballRadius < fieldHeight, "positive, under a quarter of the height")
        try require("paddleHeight", paddleHeight > 0 && paddleHeight <= fieldHeight, "positive, at most the height")
        try require("paddleWidth", paddleWidth > 0, "positive")
        try require("paddleMargin", paddleMargin >= 0, "zero or more")
        try require(
            "paddleMargin", leftFaceX + ballRadius < fieldWidth / 2 - ballRadius,
            "margin + width + ball diameter under half the width")
        try require("paddleSpeed", paddleSpeed > 0 && paddleSpeed <= fieldHeight, "positive, at most the height")
        try require("speedUpFactor", speedUpFactor >= 1 && speedUpFactor <= 2, "in 1...2")
        // A tick then holds at most two wall bounces and one paddle hit, so the sweep loop stays short.
        let maxSpeedBound = min(fieldWidth / 2, fieldHeight - 2 * ballRadius)
        try require("maxBallSpeed", maxBallSpeed > 0 && maxBallSpeed <= maxSpeedBound, "positive, within the field")
        try require("serveSpeed", serveSpeed > 0 && serveSpeed <= maxBallSpeed, "positive, at most maxBallSpeed")
        try require("maxBounceAngle", maxBounceAngle > 0 && maxBounceAngle <= .pi * 5 / 12, "in (0, 75°]")
        try require("maxServeAngle", maxServeAngle >= 0 && maxServeAngle <= .pi / 4, "in [0, 45°]")
        try require("serveDelayTicks", (1...100_000).contains(serveDelayTicks), "in 1...100000")
        try require("pointsToWin", (1...21).contains(pointsToWin), "in 1...21")
        try require("ticksPerSecond", (1...1000).contains(ticksPerSecond), "in 1...1000")
    }

    /// Throws `Invalid(field, requirement)` unless `holds`.
    private func require(_ field: String, _ holds: Bool, _ requirement: String) throws(Invalid) {
        if !holds { throw Invalid(field: field, requirement: requirement) }
    }
}
