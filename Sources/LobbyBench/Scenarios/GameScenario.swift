import CLinux
import Glibc

/// `lobby-bench game`: K rooms of Pong on the real protocol (`/ws`, docs/protocol.md "Games"), 2 players and S
/// spectators each. Every connection logs in with its own HS256 token; per room one player creates a two-seat
/// lobby, the other joins, both get ready, and when the game starts the spectators spectate it. Once every room
/// runs (and a warm-up), the window opens: players send `game:input` at a fixed rate, aimed at the ball; the
/// bench counts the `game:state` frames players and spectators receive, the gaps in their ticks, how stale they
/// are, and how long an input takes to show in a state's `lastSeq`; the server's own tick figures come from
/// `/metrics`, scraped at both ends of the window. A game that ends anyway is followed by a rematch.
struct GameScenario {
    /// Options besides the common ones.
    static let valueOptions: Set<String> = [
        "rooms", "spectators", "rate", "duration", "points-to-win", "aim", "input", "secret", "setup-timeout",
        "warmup", "drain", "ramp", "metrics-path", "metrics-timeout", "user-prefix",
    ]
    /// Flags besides the common ones.
    static let flagOptions: Set<String> = ["no-metrics"]

    private let common: CommonOptions
    private let layout: GameLayout
    private let rate: Double
    private let seconds: Double
    private let pointsToWin: Int
    private let aim: Aim
    private let style: InputStyle
    private let secret: [UInt8]
    private let setupTimeoutMs: Int
    private let warmupMs: Int
    private let drainMs: Int
    private let ramp: Double
    private let metricsPath: String?
    private let metricsTimeoutMs: Int
    private let userPrefix: String

    /// Reads the options.
    init(_ arguments: Arguments) throws(BenchError) {
        common = try CommonOptions(arguments)
        let rooms = try arguments.int("rooms", default: 2000, in: 1...Limits.maxConnections)
        let spectators = try arguments.int("spectators", default: 2, in: 0...64)
        layout = GameLayout(rooms: rooms, spectators: spectators)
        guard layout.connections <= Limits.maxConnections else {
            throw BenchError("--rooms x (2 + --spectators) must be at most \(Limits.maxConnections)")
        }
        rate = try arguments.double("rate", default: 60, in: 0.1...1000)
        seconds = try arguments.double("duration", default: 30, in: 0.1...Limits.maxSeconds)
        pointsToWin = try arguments.int("points-to-win", default: 21, in: 1...21)
        guard let aim = Aim(rawValue: arguments.string("aim") ?? "predict") else {
            throw BenchError("--aim must be predict or follow")
        }
        self.aim = aim
        guard let style = InputStyle(rawValue: arguments.string("input") ?? "target") else {
            throw BenchError("--input must be target or direction")
        }
        self.style = style
        secret = Array((arguments.string("secret") ?? BenchToken.developmentSecret).utf8)
        guard !secret.isEmpty else { throw BenchError("--secret must not be empty") }
        setupTimeoutMs = try arguments.int("setup-timeout", default: 60_000, in: 100...600_000)
        warmupMs = try arguments.int("warmup", default: 2000, in: 0...600_000)
        drainMs = try arguments.int("drain", default: 250, in: 0...60_000)
        ramp = try arguments.double("ramp", default: 2000, in: 0...1_000_000)
        metricsPath = arguments.has("no-metrics") ? nil : (arguments.string("metrics-path") ?? "/metrics")
        if let metricsPath, !metricsPath.hasPrefix("/") { throw BenchError("--metrics-path must start with /") }
        metricsTimeoutMs = try arguments.int("metrics-timeout", default: 3000, in: 100...60_000)
        userPrefix = arguments.string("user-prefix") ?? Self.randomPrefix()
        guard !userPrefix.isEmpty, userPrefix.count <= 12, userPrefix.allSatisfy({ $0.isLetter || $0.isNumber }) else {
            throw BenchError("--user-prefix must be 1-12 letters or digits")
        }
    }

    /// Connects, sets the rooms up, warms up, measures, closes, reports. Returns the exit status.
    func run() throws(BenchError) -> Int32 {
        let connections = layout.connections
        common.raiseFileLimit(for: connections)
        CommonOptions.armWatchdog(
            seconds: Double(connections) / Swift.max(ramp, 1000) + Double(common.connectTimeoutMs * 3) / 1000
                + Double(setupTimeoutMs + warmupMs + drainMs + common.closeTimeoutMs + 2 * metricsTimeoutMs) / 1000
                + seconds)
        var options = common.engineOptions(connections: connections, ramp: ramp)
        options.connectionPaths = tokenPaths()
        let engine = try LoadEngine(options: options, server: common.server)
        // Every connection keeps its output buffer between writes (players write 60 times a second).
        engine.senders = connections
        let driver = GameDriver(
            engine: engine, layout: layout, rate: rate, aim: aim, style: style, pointsToWin: pointsToWin)
        engine.onText = { index, payload in driver.received(index, payload) }
        engine.onTurn = { wake in driver.turn(&wake) }
        defer {
            engine.onText = nil
            engine.onTurn = nil
        }
        var report = GameReport(
            common: common, layout: layout, rate: rate, pointsToWin: pointsToWin, aim: aim, style: style)
        report.rssBefore = common.server?.rssKB()
        let connectStart = lobby_monotonic_ns()
        report.connectSeconds = engine.connectAll()
        setUp(engine, driver)
        report.setupSeconds = Double(lobby_monotonic_ns() &- connectStart) / 1e9
        report.roomsRunning = driver.runningRooms
        if driver.formedRooms > 0 && !engine.interrupted {
            slices(engine, milliseconds: warmupMs) { Console.error("lobby-bench: warm-up " + status(driver)) }
            report.rssAfterSetup = common.server?.rssKB()
            measure(engine, driver, into: &report)
        }
        engine.closeAll(timeoutMs: common.closeTimeoutMs)
        report.finish(engine: engine, driver: driver)
        return engine.counters.opened > 0 ? 0 : 1
    }

    /// Runs until every room runs or failed (or the setup timeout); rooms not running then are closed. Rooms set
    /// up while the connections open (each room starts as soon as its connections are logged in).
    private func setUp(_ engine: LoadEngine, _ driver: GameDriver) {
        driver.failUnopened()
        slices(engine, milliseconds: setupTimeoutMs, done: { driver.isSettled }) {
            Console.error("lobby-bench: setup " + status(driver))
        }
        driver.failUnformed()
    }

    /// The window: scrape, measure `seconds`, scrape, drain.
    private func measure(_ engine: LoadEngine, _ driver: GameDriver, into report: inout GameReport) {
        let before = scrape()
        let resources = ResourceWindow(server: common.server)
        driver.startWindow(seconds: seconds)
        var last = (states: 0, inputs: 0, at: lobby_monotonic_ns())
        slices(engine, milliseconds: Int(seconds * 1000)) {
            let now = lobby_monotonic_ns()
            let states = driver.counters.statesPlayers + driver.counters.statesSpectators
            let elapsed = Double(now &- last.at) / 1e9
            Console.error(
                "lobby-bench: t=\(Int((Double(now &- driver.windowStartNs) / 1e9).rounded()))s "
                    + status(driver) + ", states/s \(Figures.grouped(Double(states - last.states) / elapsed)), "
                    + "inputs/s \(Figures.grouped(Double(driver.counters.inputsSent - last.inputs) / elapsed)), "
                    + "ack p99 \(Figures.hundredths(driver.ackLatency.quantile(0.99) / 1e6)) ms, "
                    + "errors \(driver.counters.errors)")
            last = (states, driver.counters.inputsSent, now)
        }
        driver.endWindow()
        report.resources = resources.finish()
        let after = scrape()
        if case .success(let start) = before, case .success(let end) = after {
            report.server = ServerGameFigures(
                before: start.text, after: end.text, seconds: Double(end.atNs &- start.atNs) / 1e9)
        } else if case .failure(let error) = before {
            report.metricsError = error.message
        } else if case .failure(let error) = after {
            report.metricsError = error.message
        }
        engine.run(until: lobby_monotonic_ns() &+ UInt64(drainMs) * 1_000_000, interruptible: false)
        driver.finishDrain()
        report.windowRan = true
    }

    /// A `/metrics` scrape and when it was taken (the middle of the request, ns).
    private func scrape() -> Result<(text: PrometheusText, atNs: UInt64), BenchError> {
        guard let metricsPath else { return .failure(BenchError("--no-metrics")) }
        let start = lobby_monotonic_ns()
        let result = MetricsFetch.get(
            host: common.target.host, port: common.target.port, path: metricsPath, timeoutMs: metricsTimeoutMs)
        let middle = start &+ (lobby_monotonic_ns() &- start) / 2
        return result.map { (PrometheusText($0), middle) }
    }

    /// Runs the engine for `milliseconds` (or until `done`, or a signal) in one-second slices, calling `progress`
    /// after each full slice when `--progress` is on.
    private func slices(
        _ engine: LoadEngine, milliseconds: Int, done: () -> Bool = { false }, progress: () -> Void
    ) {
        let end = lobby_monotonic_ns() &+ UInt64(milliseconds) * 1_000_000
        while !engine.interrupted && !done() {
            let now = lobby_monotonic_ns()
            guard now < end else { return }
            let sliceEnd = Swift.min(end, now &+ 1_000_000_000)
            engine.run(until: sliceEnd) { _ in done() }
            if common.progress && lobby_monotonic_ns() >= sliceEnd && sliceEnd < end { progress() }
        }
    }

    /// `logged in A/B, rooms running R/K (failed F)`.
    private func status(_ driver: GameDriver) -> String {
        "logged in \(driver.ackCount)/\(layout.connections), rooms running \(driver.runningRooms)/\(layout.rooms)"
            + (driver.failedRooms > 0 ? " (failed \(driver.failedRooms))" : "")
    }

    /// The request path of each connection: the URL's path with `token=<JWT of PREFIX-ROOM-MEMBER>` added.
    private func tokenPaths() -> [String] {
        let base = common.target.pathTemplate
        let separator = base.contains("?") ? "&" : "?"
        let now = Int(time(nil))
        return (0..<layout.connections).map { index in
            let user = layout.user(of: index, prefix: userPrefix)
            return base + separator + "token=" + BenchToken.make(user: user, secret: secret, issuedAt: now)
        }
    }

    /// `g` and 6 hex digits: new users every run.
    private static func randomPrefix() -> String {
        var random = SystemRandomNumberGenerator()
        let hex = String(UInt32.random(in: 0...0xFF_FFFF, using: &random), radix: 16)
        return "g" + String(repeating: "0", count: 6 - hex.count) + hex
    }
}
