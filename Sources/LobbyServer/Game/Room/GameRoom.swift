import GameEvents

/// One game of Pong as its owner (a game shard) runs it: the pure ``PongSimulation`` plus players, input
/// sequencing, pauses for disconnected players, the resume countdown, the end and the input log. No clock and no
/// I/O: time is the owner's fixed schedule, one ``tick()`` per schedule tick (``roomTick``). Every event is a
/// `mutating` method named after it that returns what happened, in order (STYLE habit 2).
///
/// ```mermaid
/// stateDiagram-v2
///     [*] --> running: init (the simulation serves, then plays)
///     running --> paused: playerDisconnected
///     resuming --> paused: playerDisconnected
///     paused --> resuming: playerReconnected (nobody away any more)
///     resuming --> running: resumeCountdownTicks ticks later
///     running --> finished: a side reaches pointsToWin (score)
///     paused --> finished: a forfeit deadline passes (forfeit; abandoned if both players are away)
///     running --> finished: forfeit / abandon (also from paused and resuming)
///     finished --> [*]
/// ```
///
/// Inputs: ``receiveInput(user:seq:input:)`` queues an input; the next tick where the simulation steps applies
/// the newest one per player (highest `seq`; anything not above the highest seen is stale) and echoes its `seq`
/// in ``lastSeq``. An input holds until the next one replaces it (a direction keeps moving the paddle, a
/// target keeps pulling it). Each change is logged with the simulation tick it first applies to, so
/// ``GameReplay`` reproduces the game without its pauses.
struct GameRoom: Equatable, Sendable {
    /// A queued input and its sequence number.
    private struct Pending: Equatable, Sendable {
        let seq: Int64
        let input: PaddleInput
    }

    /// The room's players, rules, seed and timings.
    let setup: GameRoomSetup
    /// The game itself (ball, paddles, score, simulation tick).
    private(set) var simulation: PongSimulation
    /// Schedule ticks since the room opened, pauses included.
    private(set) var roomTick: UInt64 = 0
    /// Every change of input the simulation applied, for replays.
    private(set) var inputLog = GameInputLog()
    /// How the game ended; nil while it runs.
    private(set) var result: GameResult?
    /// The highest `seq` applied per side (0 before any): `game:state`'s `lastSeq`.
    private(set) var lastSeq = PerSide<Int64>(both: 0)
    /// The input each paddle follows now.
    private(set) var inputs = PerSide<PaddleInput>(both: .stop)
    /// The room tick at which each away player forfeits; nil for a player who is here.
    private(set) var forfeitDeadlines = PerSide<UInt64?>(both: nil)
    /// Room ticks left in the resume countdown (0 when not resuming).
    private(set) var resumeTicksLeft = 0
    /// The highest `seq` received per side (applied or still queued).
    private var highestSeq = PerSide<Int64>(both: 0)
    /// The input waiting for the next simulation step, per side.
    private var pending = PerSide<Pending?>(both: nil)

    /// A room whose game starts at once: both players present, the simulation waiting for its first serve.
    init(setup: GameRoomSetup) {
        self.setup = setup
        simulation = PongSimulation(rules: setup.rules, seed: setup.seed)
    }

    // MARK: - Inputs

    /// `user` sent input number `seq`. Queued for the next simulation step, replacing any input still queued
    /// (which has a lower `seq`).
    mutating func receiveInput(user: UserID, seq: Int64, input: PaddleInput) -> GameInputVerdict {
        guard let side = setup.side(of: user) else { return .notAPlayer }
        guard result == nil else { return .gameOver }
        guard seq > highestSeq[side] else { return .stale }
        highestSeq[side] = seq
        pending[side] = Pending(seq: seq, input: input)
        return .accepted
    }

    /// Makes the queued inputs current (just before a simulation step), logging the ones that change something.
    /// Left before right, as the log wants them; no `allCases` array on this per-tick path.
    private mutating func applyPendingInputs() {
        applyPendingInput(.left)
        applyPendingInput(.right)
    }

    /// Makes `side`'s queued input, if any, current.
    private mutating func applyPendingInput(_ side: PongSide) {
        guard let next = pending[side] else { return }
        pending[side] = nil
        lastSeq[side] = next.seq
        if next.input != inputs[side] {
            inputs[side] = next.input
            inputLog.append(tick: simulation.tick, side: side, input: next.input)
        }
    }

    // MARK: - Presence

    /// `user`'s last connection dropped: the game pauses, and `user` forfeits after the grace period unless they
    /// come back. Nothing for a player already away (their first deadline stands), a non-player or an ended game.
    mutating func playerDisconnected(_ user: UserID) -> [GameRoomEvent] {
        guard result == nil, let side = setup.side(of: user), forfeitDeadlines[side] == nil else { return [] }
        let deadline = roomTick + UInt64(setup.reconnectGraceTicks)
        forfeitDeadlines[side] = deadline
        resumeTicksLeft = 0
        return [.paused(user, forfeitAtRoomTick: deadline)]
    }

    /// `user` has a connection again: their deadline is cleared and, once nobody is away, the resume countdown
    /// starts. Nothing for a player who was not away (another tab), a non-player or an ended game.
    mutating func playerReconnected(_ user: UserID) -> [GameRoomEvent] {
        guard result == nil, let side = setup.side(of: user), forfeitDeadlines[side] != nil else { return [] }
        forfeitDeadlines[side] = nil
        guard !isAnyoneAway else { return [] }
        resumeTicksLeft = setup.resumeCountdownTicks
        return [.resumed(user, countdownTicks: setup.resumeCountdownTicks)]
    }

    /// `user` gives up (`game:leave`, or leaving the lobby): the other side wins by forfeit. Nothing for a
    /// non-player or an ended game.
    mutating func forfeit(_ user: UserID) -> [GameRoomEvent] {
        guard result == nil, let side = setup.side(of: user) else { return [] }
        return [end(winner: side.opponent, reason: .forfeit)]
    }

    /// The game stops without a winner (its lobby closed). Nothing for an ended game.
    mutating func abandon() -> [GameRoomEvent] {
        guard result == nil else { return [] }
        return [end(winner: nil, reason: .abandoned)]
    }

    // MARK: - Ticks

    /// One tick of the owner's schedule. ``roomTick`` advances (except once the game is over); then, in this
    /// order: while a player is away, a passed deadline ends the game (that player forfeits; nobody wins if
    /// both are away); while resuming, the countdown runs; otherwise the queued inputs apply and the simulation
    /// steps, its serves, points and win becoming room events (bounces are left out).
    mutating func tick() -> [GameRoomEvent] {
        guard result == nil else { return [] }
        roomTick += 1
        if isAnyoneAway { return checkDeadlines() }
        if resumeTicksLeft > 0 {
            resumeTicksLeft -= 1
            return []
        }
        applyPendingInputs()
        let events = simulation.step(inputs: PaddleInputs(left: inputs.left, right: inputs.right))
        return events.isEmpty ? [] : roomEvents(from: events)
    }

    /// While paused: the game ends if a deadline has come.
    private mutating func checkDeadlines() -> [GameRoomEvent] {
        for side in PongSide.allCases {
            guard let deadline = forfeitDeadlines[side], deadline <= roomTick else { continue }
            let bothAway = forfeitDeadlines.left != nil && forfeitDeadlines.right != nil
            return [bothAway ? end(winner: nil, reason: .abandoned) : end(winner: side.opponent, reason: .forfeit)]
        }
        return []
    }

    /// The simulation's events as room events.
    private mutating func roomEvents(from events: [PongEvent]) -> [GameRoomEvent] {
        var mapped: [GameRoomEvent] = []
        for event in events {
            switch event {
            case .served(let toward): mapped.append(.served(toward: toward))
            case .scored(let side, let score): mapped.append(.scored(side, score))
            case .finished(let winner): mapped.append(end(winner: winner, reason: .score))
            case .wallBounce, .paddleHit: break
            }
        }
        return mapped
    }

    /// Records the result; the room ignores everything after this.
    private mutating func end(winner: PongSide?, reason: GameEndReason) -> GameRoomEvent {
        let result = GameResult(
            winner: winner, score: simulation.score, reason: reason, simulationTicks: simulation.tick,
            roomTicks: roomTick)
        self.result = result
        pending = PerSide(both: nil)
        return .ended(result)
    }
}
