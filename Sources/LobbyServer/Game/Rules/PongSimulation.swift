/// The server-authoritative Pong physics of one game: pure and deterministic (no clock, no I/O, no system
/// randomness). The same ``PongRules``, seed and per-tick ``PaddleInputs`` give the same state tick by tick, so a
/// stored seed plus input log replays a match exactly. The owner calls ``step(inputs:)`` once per tick.
///
/// One tick, in order: the serve countdown (launching the ball when it runs out), both paddles move (inputs
/// applied, clamped inside the field), then the ball moves along its velocity with a swept test against the
/// walls, the paddle faces (at their new positions) and the goal lines, so it never tunnels through a paddle at
/// any allowed speed (see `PongSimulation+Ball.swift`).
///
/// Only this file changes the state; the `PongSimulation+*.swift` extensions compute (contact times, returns,
/// paddle moves) without mutating.
///
/// Serving: the first serve goes towards a side drawn from the seed; after a point the ball is served from the
/// centre towards the player who conceded it (the one who just lost the point receives), after
/// ``PongRules/serveDelayTicks`` ticks.
struct PongSimulation: Equatable, Sendable {
    /// The numbers of the game.
    let rules: PongRules
    /// Ticks stepped so far (the tick a snapshot belongs to).
    private(set) var tick: UInt64
    /// The ball (at rest at the centre while serving).
    private(set) var ball: PongBall
    /// The paddles' centre `y`.
    private(set) var paddles: PongPaddles
    /// The score.
    private(set) var score: PongScore
    /// Serving, playing or finished.
    private(set) var phase: PongPhase
    /// The side the next (or pending) serve goes towards.
    private(set) var serveToward: PongSide
    /// The seeded generator for serve angles.
    private(set) var random: SplitMix64

    /// A new game: score 0-0, paddles centred, the ball at the centre waiting for the first serve, towards a side
    /// drawn from `seed`.
    init(rules: PongRules, seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let first: PongSide = random.next() & 1 == 0 ? .left : .right
        self.init(
            rules: rules, random: random, tick: 0, ball: Self.restingBall(rules),
            paddles: PongPaddles(left: rules.fieldHeight / 2, right: rules.fieldHeight / 2), score: .zero,
            phase: .serving(countdownTicks: rules.serveDelayTicks), serveToward: first)
    }

    /// A game resumed from a full snapshot (every stored property); tests use it to place the ball.
    init(
        rules: PongRules, random: SplitMix64, tick: UInt64, ball: PongBall, paddles: PongPaddles, score: PongScore,
        phase: PongPhase, serveToward: PongSide
    ) {
        self.rules = rules
        self.random = random
        self.tick = tick
        self.ball = ball
        self.paddles = paddles
        self.score = score
        self.phase = phase
        self.serveToward = serveToward
    }

    /// Advances exactly one tick with these inputs and returns what happened, in order. Once the game is
    /// finished it does nothing (the tick does not advance either) and returns no events.
    mutating func step(inputs: PaddleInputs) -> [PongEvent] {
        if case .finished = phase { return [] }
        tick += 1
        var events: [PongEvent] = []
        if case .serving(let countdown) = phase {
            if countdown > 1 {
                phase = .serving(countdownTicks: countdown - 1)
            } else {
                launch()
                events.append(.served(toward: serveToward))
            }
        }
        movePaddles(inputs)
        if phase == .playing { moveBall(appendingTo: &events) }
        return events
    }

    /// Applies both inputs; paddles stay entirely inside the field.
    private mutating func movePaddles(_ inputs: PaddleInputs) {
        for side in PongSide.allCases {
            paddles[side] = movedPaddle(from: paddles[side], by: inputs[side])
        }
    }

    /// Moves the ball through one tick with continuous collision detection: find the earliest contact within
    /// the time left, move the ball exactly there, resolve it, repeat with the time that remains. Because the
    /// contact time is solved for rather than sampled, no speed lets the ball skip a paddle face.
    private mutating func moveBall(appendingTo events: inout [PongEvent]) {
        var remaining = 1.0
        for _ in 0..<Self.maxCollisionsPerTick {
            guard let (time, contact) = earliestContact(of: ball, within: remaining) else { break }
            ball.advance(by: time)
            remaining -= time
            switch contact {
            case .wall:
                ball.vy = -ball.vy
                events.append(.wallBounce)
            case .paddle(let side):
                ball = returned(ball, off: side)
                events.append(.paddleHit(side))
            case .goal(let side):
                award(side.opponent, appendingTo: &events)
                return
            }
        }
        ball.advance(by: remaining)
        // Rounding can leave the centre a hair outside the walls; pull it back so the next sweep starts valid.
        ball.y = min(max(ball.y, rules.ballRadius), rules.fieldHeight - rules.ballRadius)
    }

    /// Serves: the ball leaves the centre towards ``serveToward`` at an angle drawn uniformly from
    /// `-maxServeAngle...maxServeAngle`.
    private mutating func launch() {
        let angle = (random.nextUnit() * 2 - 1) * rules.maxServeAngle
        ball = served(toward: serveToward, angle: angle)
        phase = .playing
    }

    /// `scorer` wins the point: the score goes up, then either the game is won or the ball waits at the centre
    /// for a serve towards the player who conceded.
    private mutating func award(_ scorer: PongSide, appendingTo events: inout [PongEvent]) {
        score[scorer] += 1
        events.append(.scored(scorer, score))
        ball = Self.restingBall(rules)
        if score[scorer] >= rules.pointsToWin {
            phase = .finished(winner: scorer)
            events.append(.finished(winner: scorer))
        } else {
            serveToward = scorer.opponent
            phase = .serving(countdownTicks: rules.serveDelayTicks)
        }
    }

    /// The ball at rest at the centre of the field.
    static func restingBall(_ rules: PongRules) -> PongBall {
        PongBall(x: rules.fieldWidth / 2, y: rules.fieldHeight / 2, vx: 0, vy: 0)
    }
}
