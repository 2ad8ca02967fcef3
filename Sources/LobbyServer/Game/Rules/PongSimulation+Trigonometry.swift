extension PongSimulation {
    /// Sine for angles in `-π/2...π/2` by its Taylor series to `x^21` (error under 1e-15 there), in plain Swift:
    /// the domain may not import Glibc or Foundation, and a fixed formula gives the same bits on every
    /// platform, which replays rely on.
    static func sin(_ x: Double) -> Double {
        precondition(abs(x) <= .pi / 2 + 1e-12, "angle out of the Pong range")
        let square = x * x
        var term = x
        var sum = x
        var n = 1.0
        for _ in 0..<10 {
            term *= -square / ((n + 1) * (n + 2))
            sum += term
            n += 2
        }
        return sum
    }

    /// Cosine for angles in `-π/2...π/2` by its Taylor series to `x^20` (same reasons as ``sin(_:)``).
    static func cos(_ x: Double) -> Double {
        precondition(abs(x) <= .pi / 2 + 1e-12, "angle out of the Pong range")
        let square = x * x
        var term = 1.0
        var sum = 1.0
        var n = 0.0
        for _ in 0..<10 {
            term *= -square / ((n + 1) * (n + 2))
            sum += term
            n += 2
        }
        return sum
    }
}
