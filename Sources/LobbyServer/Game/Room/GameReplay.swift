/// A stored game played again: the simulation rebuilt from its rules and seed, fed the logged inputs at the
/// ticks they first applied to. Because ``PongSimulation`` is deterministic and the log holds every input change
/// (pauses leave no trace in it), each step reproduces the original one exactly; the owner streams the
/// simulation's state as if live, one or more steps per schedule tick.
struct GameReplay: Equatable, Sendable {
    /// The stored game's rules.
    let rules: PongRules
    /// The stored game's seed.
    let seed: UInt64
    /// The stored game's inputs.
    let log: GameInputLog
    /// The simulation tick the stored game ended at (``GameResult/simulationTicks``): a game ended by forfeit
    /// or abandoned stops here, before anyone reached the points to win.
    let finalTick: UInt64
    /// The game as replayed so far.
    private(set) var simulation: PongSimulation
    /// The inputs the paddles follow now.
    private(set) var inputs = PaddleInputs.none
    /// The log's entries, decoded once.
    private let entries: [GameInputLog.Entry]
    /// The next log entry to apply.
    private var nextEntry = 0

    /// A replay at tick 0.
    init(rules: PongRules, seed: UInt64, log: GameInputLog, finalTick: UInt64) {
        self.rules = rules
        self.seed = seed
        self.log = log
        self.finalTick = finalTick
        entries = log.entries
        simulation = PongSimulation(rules: rules, seed: seed)
    }

    /// Whether the replay is over: the simulation finished (someone won) or reached ``finalTick``.
    var isFinished: Bool {
        if case .finished = simulation.phase { return true }
        return simulation.tick >= finalTick
    }

    /// Steps the simulation once with the inputs logged for this tick and returns its events; nothing once
    /// ``isFinished``.
    mutating func step() -> [PongEvent] {
        guard !isFinished else { return [] }
        while nextEntry < entries.count, entries[nextEntry].tick <= simulation.tick {
            let entry = entries[nextEntry]
            if entry.side == .left { inputs.left = entry.input } else { inputs.right = entry.input }
            nextEntry += 1
        }
        return simulation.step(inputs: inputs)
    }

    /// Steps until ``isFinished`` and returns the final simulation.
    mutating func runToEnd() -> PongSimulation {
        while !isFinished { _ = step() }
        return simulation
    }
}
