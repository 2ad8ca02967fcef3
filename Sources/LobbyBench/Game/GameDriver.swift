import CLinux

/// How a bench player's input names its move.
enum InputStyle: String {
    /// `"target": y` (the paddle centre to move towards).
    case target
    /// `"direction": "up" | "down" | "stop"`, towards the same target from where my paddle is.
    case direction
}

/// The game scenario's client logic on top of ``LoadEngine``: it sets up the rooms from the server's answers
/// (create, join, ready, spectate; `GameDriver+Setup.swift`), reads every `game:state` cheaply and keeps the
/// figures (`GameDriver+State.swift`), sends the players' inputs on a fixed-rate schedule
/// (`GameDriver+Inputs.swift`), starts rematches when a game ends, and opens and closes the measurement window
/// (`GameDriver+Window.swift`). Single-threaded: the engine calls it from its loop (``received(_:_:)`` for every
/// text message, ``turn(_:)`` every loop turn).
final class GameDriver {
    /// The engine the connections live in (it owns the driver through its hooks).
    unowned let engine: LoadEngine
    /// Rooms x (players + spectators).
    let layout: GameLayout
    /// How players aim.
    let aim: Aim
    /// Target or direction inputs.
    let style: InputStyle
    /// `settings.pointsToWin` of every lobby.
    let pointsToWin: Int
    /// What a player reads of each snapshot.
    let depth: GameStateFrame.Depth
    /// Send-time slots per player: inputs more than this many ahead of the last acknowledged one are not timed.
    static let ringSize = 64

    /// Per connection: the hot-path state.
    let peers: UnsafeMutablePointer<GamePeer>
    /// Per player slot, `ringSize` send times (ns) indexed by `seq % ringSize`.
    let sendTimes: UnsafeMutablePointer<UInt64>
    /// Per player slot: the current game's `game:input` opening (up to the seq digits).
    var inputPrefixes: [[UInt8]]
    /// Per room.
    var rooms: [GameRoom]
    /// Per connection: `connection.ack` arrived.
    var acked: [Bool]
    /// Per connection: `game:spectate` of the room's current game sent.
    var spectateSent: [Bool]
    /// Per player connection: a `lobby:update` showed the lobby `finished` since the current game started.
    var lobbyFinished: [Bool]
    /// Per player connection: `lobby:ready` for the rematch sent.
    var rematchReadySent: [Bool]
    /// `lobby:ready` refused with `wrong_state` (the lobby not finished yet), to send again.
    var readyRetries: [(index: Int, dueNs: UInt64)] = []
    /// The input schedule of every player.
    var schedule: InputSchedule
    /// Inputs are sent (from the first `game:start` to the end of the window).
    var sendingInputs = true

    /// The field of the games (from the first `game:start`).
    var field = FieldGeometry.standard
    /// `tickRate` from `game:start` (0 until one arrived).
    var tickRate = 0
    /// `stateRate` of a player's `game:start`.
    var playerStateRate = 0
    /// `stateRate` of a spectator's `game:start`.
    var spectatorStateRate = 0

    /// Counters of the current window.
    var counters = GameWindowCounters()
    /// Input -> acknowledgement latency of the window's inputs.
    let ackLatency = LatencyHistogram()
    /// Receive wall time - the state's `timestamp`, players.
    let stalenessPlayers = LatencyHistogram()
    /// The same for spectators.
    let stalenessSpectators = LatencyHistogram()
    /// Inside the window: states, inputs and games count.
    var measuring = false
    /// After the window: acknowledgements of its inputs still count.
    var draining = false
    /// Window bounds (ns, monotonic).
    var windowStartNs: UInt64 = 0
    /// End of the window.
    var windowEndNs: UInt64 = 0
    /// CLOCK_REALTIME - CLOCK_MONOTONIC at the window's start (ns), to turn receive times into wall time.
    var realtimeOffsetNs: Int64 = 0
    /// Rooms whose every connection is in the current game.
    var runningRooms = 0
    /// When `runningRooms` last changed inside the window.
    var lastRunningChangeNs: UInt64 = 0

    /// Connections logged in.
    var ackCount = 0
    /// Rooms that have run at least once.
    var formedRooms = 0
    /// Rooms whose setup failed.
    var failedRooms = 0
    /// Setup refusals by `code` (or `code/reason`).
    var setupErrors: [String: Int] = [:]
    /// The first setup refusal, described.
    var firstSetupError = ""
    /// Every `system.error` by `purpose:code[/reason]` (`input:rate_limited`, `ready:conflict/wrong_state`).
    var errors: [String: Int] = [:]
    /// The first error, described.
    var firstError = ""
    /// Games started in the whole run.
    var gamesStartedTotal = 0
    /// Games ended in the whole run, by reason.
    var gamesEndedTotal: [String: Int] = [:]
    /// `lobby:ready` sent again after `wrong_state`.
    var readyRetried = 0
    /// Messages that were not a JSON object with a string `type`.
    var unreadable = 0
    /// `game:state` frames that `GameStateFrame` could not read.
    var malformedStates = 0
    /// `game:state` frames to a connection not in a game (after its `game:end`, before `game:start`).
    var statesOutsideGame = 0

    /// A driver for `layout`; requests go out through `engine`; players send `rate` inputs per second each.
    init(engine: LoadEngine, layout: GameLayout, rate: Double, aim: Aim, style: InputStyle, pointsToWin: Int) {
        self.engine = engine
        self.layout = layout
        self.aim = aim
        self.style = style
        self.pointsToWin = pointsToWin
        depth = style == .direction ? .playerWithPaddles : .player
        let connections = layout.connections
        peers = .allocate(capacity: Swift.max(connections, 1))
        peers.initialize(repeating: GamePeer(), count: Swift.max(connections, 1))
        for index in 0..<connections { peers[index].isPlayer = layout.isPlayer(index) }
        let ring = Swift.max(layout.playerCount, 1) * Self.ringSize
        sendTimes = .allocate(capacity: ring)
        sendTimes.initialize(repeating: 0, count: ring)
        inputPrefixes = Array(repeating: [], count: layout.playerCount)
        rooms = Array(repeating: GameRoom(), count: layout.rooms)
        acked = Array(repeating: false, count: connections)
        spectateSent = Array(repeating: false, count: connections)
        lobbyFinished = Array(repeating: false, count: connections)
        rematchReadySent = Array(repeating: false, count: connections)
        let players = (0..<connections).filter(layout.isPlayer).map { Int32($0) }
        schedule = InputSchedule(senders: players, perSecond: rate, originNs: lobby_monotonic_ns())
    }

    deinit {
        peers.deinitialize(count: Swift.max(layout.connections, 1))
        peers.deallocate()
        sendTimes.deallocate()
    }

    /// Every room has run or failed (setup is over).
    var isSettled: Bool { formedRooms + failedRooms >= layout.rooms }

    /// One text message from connection `index` (the engine's ``LoadEngine/onText`` hook). `game:state` goes
    /// straight to the scanner; `lobby:update` and `game:pause` are only looked at, never parsed; the rest are
    /// parsed in full.
    @inline(__always)
    func received(_ index: Int, _ payload: UnsafeRawBufferPointer) {
        if GameMessageKind.isState(payload) {
            state(index, payload)
            return
        }
        let sniffed = GameMessageKind.sniff(payload)
        switch sniffed {
        case .other: return
        case .lobbyUpdate:
            lobbyUpdate(index, payload)
            return
        case .gamePause:
            if measuring { counters.pauses += 1 }
            return
        default: break
        }
        guard let message = ParsedServerMessage(payload) else {
            unreadable += 1
            return
        }
        switch sniffed ?? GameMessageKind(type: message.type) {
        case .state: state(index, payload)
        case .other: return
        case .lobbyUpdate: lobbyUpdate(index, payload)
        case .gamePause: if measuring { counters.pauses += 1 }
        case .connectionAck: acknowledged(index)
        case .connectionError:
            failRoom(
                layout.room(of: index), code: message.errorCode,
                "connection \(index): connection.error \(message.errorCode): \(message.errorMessage)")
        case .lobbyCreated: created(index, message)
        case .lobbyJoined: joined(index)
        case .gameStart: gameStarted(index, message)
        case .gameEnd: gameEnded(index, message)
        case .systemError: refused(index, message)
        }
    }

    /// Sends `request` on connection `index` if it is open.
    func send(_ index: Int, _ request: [UInt8]) {
        guard engine.conns[index].state == .open else { return }
        request.withUnsafeBytes { engine.queueFrame(index, .text, $0) }
    }
}
