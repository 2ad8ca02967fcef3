import CLinux
import GameEvents
import WebSocketCore

/// The game scenario's pieces: scanning `game:state` (in the documented order and out of it), recognising game
/// messages, reading `game:start`, aiming, the input schedule, and the driver's hot path end to end on an engine
/// with no sockets (an input composed, masked and read back as a server would; a state acknowledging it; tick
/// gaps).
extension SelfTest {
    /// A `game:state` as the server writes it (docs/game-contract.md).
    static let sampleState =
        #"{"type":"game:state","payload":{"gameId":"g-abcdefgh23","tick":1234,"phase":"playing","#
        + #""ball":{"x":412.5,"y":312.57,"vx":-6.25,"vy":3},"paddles":{"left":250,"right":301.5},"#
        + #""score":{"left":3,"right":4},"lastSeq":{"left":77,"right":80},"spectators":2},"timestamp":1763751600123}"#

    /// Runs the game checks.
    mutating func game() {
        stateScan()
        gameKinds()
        gameStart()
        aimAndSchedule()
        driverHotPath()
    }

    private mutating func stateScan() {
        let frame = Self.scan(Self.sampleState, .playerWithPaddles)
        let want = GameStateFrame(
            tick: 1234, timestampMs: 1_763_751_600_123, ballX: 412.5, ballY: 312.57, ballVX: -6.25, ballVY: 3,
            paddleLeft: 250, paddleRight: 301.5, lastSeqLeft: 77, lastSeqRight: 80)
        check(frame == want, "game:state scan: \(String(describing: frame))")
        let spectator = Self.scan(Self.sampleState, .tick)
        check(
            spectator?.tick == 1234 && spectator?.timestampMs == 1_763_751_600_123,
            "spectator scan \(spectator.debugDescription)")
        // Members in another order, spaces, an exponent, no timestamp.
        let shuffled =
            #"{"type":"game:state","payload":{"lastSeq":{"right":5,"left":6},"ball":{"vy":-1e1,"vx":2.5E-1,"#
            + #""y": 20,"x":-0.5},"gameId":"g-x","tick": 9}}"#
        let moved = Self.scan(shuffled, .player)
        check(
            moved?.tick == 9 && moved?.lastSeqLeft == 6 && moved?.lastSeqRight == 5 && moved?.ballX == -0.5
                && moved?.ballY == 20 && moved?.ballVX == 0.25 && moved?.ballVY == -10 && moved?.timestampMs == 0,
            "shuffled game:state scan: \(String(describing: moved))")
        check(Self.scan(#"{"type":"game:state","payload":{"gameId":"g-x"}}"#, .tick) == nil, "state without tick")
        check(
            Self.scan(#"{"type":"game:state","payload":{"tick":3,"ball":{"x":1}}}"#, .player) == nil,
            "a player's state without ball.y and lastSeq is refused")
        let numbers = Array("12.0 -0.75 3e2 x".utf8)
        numbers.withUnsafeBytes { bytes in
            let base = bytes.baseAddress!
            check(ByteScan.unsigned(base, at: 0, end: 4)?.value == 12, "12.0 reads as 12")
            check(ByteScan.number(base, at: 4, end: 10)?.value == -0.75, "-0.75")
            check(ByteScan.number(base, at: 10, end: 14)?.value == 300, "3e2")
            check(ByteScan.number(base, at: 14, end: 16) == nil, "x is no number")
        }
    }

    private mutating func gameKinds() {
        let cases: [(String, GameMessageKind?)] = [
            (Self.sampleState, .state),
            (#"{"type":"game:start","payload":{}}"#, .gameStart),
            (#"{"type":"game:end","payload":{}}"#, .gameEnd),
            (#"{"type":"game:score","payload":{}}"#, .other),
            (#"{"type":"game:stateful","payload":{}}"#, .other),
            (#"{"type":"lobby:update","payload":{}}"#, .lobbyUpdate),
            (#"{"type":"system.error","payload":{}}"#, .systemError),
            (#"{"payload":{},"type":"game:state"}"#, nil),
        ]
        for (text, kind) in cases {
            let sniffed = Array(text.utf8).withUnsafeBytes { GameMessageKind.sniff($0) }
            check(sniffed == kind, "\(text.prefix(40)) sniffed as \(String(describing: sniffed))")
        }
        check(GameMessageKind(type: "game:state") == .state && GameMessageKind(type: "game:end") == .gameEnd, "kinds")
        check(GameRequests.purpose(of: "r12") == .ready(connection: 12), "purpose of r12")
        check(GameRequests.purpose(of: "s3") == .spectate(connection: 3), "purpose of s3")
        check(GameRequests.purpose(of: nil) == .input && GameRequests.purpose(of: "zz") == .input, "input errors")
    }

    private mutating func gameStart() {
        let text =
            #"{"type":"game:start","payload":{"gameId":"g-abcdefgh23","lobbyId":"l-1","role":"player","#
            + #""side":"right","players":[],"tickRate":60,"stateRate":60,"field":{"width":800,"height":600,"#
            + #""paddleHeight":100,"paddleWidth":10,"paddleMargin":20,"ballRadius":8},"pointsToWin":21,"#
            + #""serveDelayMs":1000,"startedAt":1763751600000,"tick":0,"spectatorDelayMs":0,"replay":false},"#
            + #""timestamp":1763751600000}"#
        let info = Array(text.utf8).withUnsafeBytes { ParsedServerMessage($0) }.flatMap(GameStartInfo.init)
        check(
            info?.gameId == "g-abcdefgh23" && info?.isPlayer == true && info?.side == 1 && info?.tickRate == 60
                && info?.tickStep == 1 && info?.field == .standard && info?.replay == false,
            "game:start read as \(String(describing: info))")
        let watcher =
            #"{"type":"game:start","payload":{"gameId":"g-2","role":"spectator","tickRate":60,"stateRate":30},"#
            + #""replyTo":"s9","timestamp":1}"#
        let spectator = Array(watcher.utf8).withUnsafeBytes { ParsedServerMessage($0) }.flatMap(GameStartInfo.init)
        check(spectator?.isPlayer == false && spectator?.tickStep == 2, "spectator at 30/s steps 2 ticks")
    }

    private mutating func aimAndSchedule() {
        let field = FieldGeometry.standard
        let towards = Aim.predict.target(side: 1, x: 400, y: 300, vx: 10, vy: 5, field: field, flip: false)
        check(abs(towards - 488.5) < 1e-9, "predicted intercept \(towards), want 481 + 7.5")
        let away = Aim.predict.target(side: 0, x: 400, y: 300, vx: 10, vy: 5, field: field, flip: false)
        check(away == 300, "ball moving away: back to the middle, got \(away)")
        check(Aim.reflect(700, field: field) == 484 && Aim.reflect(-20, field: field) == 36, "wall reflections")
        check(Aim.follow.target(side: 0, x: 1, y: 123, vx: -1, vy: 0, field: field, flip: true) == 123, "follow")
        var schedule = InputSchedule(senders: [5, 6, 7, 8], perSecond: 100, originNs: 1_000)
        var order: [(Int, UInt64)] = []
        for _ in 0..<6 {
            order.append((schedule.nextSender, schedule.nextDueNs ?? 0))
            schedule.advance()
        }
        let want: [(Int, UInt64)] = [
            (5, 1_000), (6, 2_501_000), (7, 5_001_000), (8, 7_501_000), (5, 10_001_000), (6, 12_501_000),
        ]
        check(order.elementsEqual(want, by: ==), "input schedule \(order)")
    }

    /// The driver on an engine without sockets: compose an input, read it as the server would, acknowledge it.
    private mutating func driverHotPath() {
        guard let target = try? LoopbackTarget(url: "ws://127.0.0.1:9/ws"),
            let engine = try? LoadEngine(options: EngineOptions(target: target, connections: 3), server: nil)
        else { return check(false, "engine for the driver check") }
        let layout = GameLayout(rooms: 1, spectators: 1)
        let driver = GameDriver(engine: engine, layout: layout, rate: 60, aim: .follow, style: .target, pointsToWin: 5)
        for index in 0..<3 { driver.peers[index].inGame = true }
        driver.inputPrefixes[0] = GameRequests.inputPrefix(gameId: "g-abcdefgh23")
        driver.peers[0].ballY = 312.57
        driver.startWindow(seconds: 60)
        driver.sendInput(0, now: lobby_monotonic_ns())
        let sent = Self.readFrame(engine.conns[0].output.readable)
        check(
            sent == #"{"type":"game:input","payload":{"gameId":"g-abcdefgh23","seq":1,"target":313}}"#,
            "input frame \(sent ?? "unreadable")")
        check(sent.map { (try? JSONParser.parse(Array($0.utf8), maxDepth: 16)) != nil } == true, "input is JSON")
        let states = [(10, 0), (11, 1), (14, 1), (14, 1)].map { tick, seq in
            Self.sampleState.replacingPlaceholder(#""tick":1234"#, with: #""tick":\#(tick)"#)
                .replacingPlaceholder(#""left":77"#, with: #""left":\#(seq)"#)
        }
        for text in states {
            engine.now = lobby_monotonic_ns()
            Array(text.utf8).withUnsafeBytes { driver.received(0, $0) }
        }
        Array(states[0].utf8).withUnsafeBytes { driver.received(2, $0) }
        let counters = driver.counters
        check(
            counters.statesPlayers == 4 && counters.statesSpectators == 1 && counters.gapsPlayers == 1
                && counters.ticksMissedPlayers == 2 && counters.ticksNotAdvancing == 1,
            "state counts \(counters.statesPlayers)/\(counters.statesSpectators), gaps \(counters.gapsPlayers), "
                + "missed \(counters.ticksMissedPlayers), repeats \(counters.ticksNotAdvancing)")
        check(
            counters.inputsAcked == 1 && driver.ackLatency.count == 1 && driver.peers[0].ackedSeq == 1,
            "input 1 acknowledged once (acked \(counters.inputsAcked))")
        check(driver.stalenessPlayers.count == 4, "staleness recorded per player state")
        engine.conns[0].output.clear()
    }

    private static func scan(_ text: String, _ depth: GameStateFrame.Depth) -> GameStateFrame? {
        Array(text.utf8).withUnsafeBytes { GameStateFrame.scan($0, depth: depth) }
    }

    /// The text of one masked client frame, read with the server-role reader.
    private static func readFrame(_ bytes: UnsafeRawBufferPointer) -> String? {
        var copy = Array(bytes)
        var reader = MessageReader(role: .server, maxMessageSize: 1 << 20)
        var offset = 0
        return copy.withUnsafeMutableBytes { buffer -> String? in
            guard case .text(let payload) = reader.next(buffer, offset: &offset) else { return nil }
            return String(decoding: payload, as: UTF8.self)
        }
    }
}
