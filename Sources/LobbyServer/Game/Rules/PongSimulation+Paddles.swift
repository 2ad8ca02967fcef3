extension PongSimulation {
    /// Where a paddle centred at `y` ends the tick under `input`, kept entirely inside the field.
    func movedPaddle(from y: Double, by input: PaddleInput) -> Double {
        let speed = rules.paddleSpeed
        let moved: Double
        switch input {
        case .stop: moved = y
        case .up: moved = y - speed
        case .down: moved = y + speed
        case .target(let goal):
            // A non-finite target (bad client input) is ignored rather than poisoning the state.
            guard goal.isFinite else { return clampPaddle(y) }
            let delta = clampPaddle(goal) - y
            moved = y + min(max(delta, -speed), speed)
        }
        return clampPaddle(moved)
    }

    /// `y` limited so the whole paddle lies inside the field.
    func clampPaddle(_ y: Double) -> Double {
        let half = rules.paddleHeight / 2
        return min(max(y, half), rules.fieldHeight - half)
    }
}
