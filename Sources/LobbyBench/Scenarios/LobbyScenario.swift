import CLinux
import Glibc

/// `lobby-bench lobby`: N lobbies of M players chatting on the real protocol (`/ws`, docs/protocol.md). Every
/// player logs in with its own HS256 token; each lobby's host creates it and the others join; then every player
/// sends `lobby:chat` at a fixed rate on its own schedule, each message carrying a marker in its text and a unique
/// envelope `id`. Each member receives every message of its lobby (its own with `replyTo`): deliveries/s and latency
/// come from the markers. Afterwards each host pages the lobby's history and every message of the window must be
/// there exactly once (the server stores before it broadcasts).
struct LobbyScenario {
    /// Options besides the common ones.
    static let valueOptions: Set<String> = [
        "lobbies", "members", "rate", "duration", "secret", "setup-timeout", "setup-wait", "drain", "history-timeout",
        "ramp",
    ]

    private let common: CommonOptions
    private let layout: LobbyLayout
    private let rate: Double
    private let seconds: Double
    private let secret: [UInt8]
    private let setupTimeoutMs: Int
    private let setupWaitMs: Int
    private let drainMs: Int
    private let historyTimeoutMs: Int
    private let ramp: Double

    /// Reads the options.
    init(_ arguments: Arguments) throws(BenchError) {
        common = try CommonOptions(arguments)
        let lobbies = try arguments.int("lobbies", default: 200, in: 1...Limits.maxConnections)
        let members = try arguments.int("members", default: 8, in: 2...8)
        guard lobbies * members <= Limits.maxConnections else {
            throw BenchError("--lobbies x --members must be at most \(Limits.maxConnections)")
        }
        layout = LobbyLayout(lobbies: lobbies, members: members)
        rate = try arguments.double("rate", default: 2, in: 0.01...1000)
        seconds = try arguments.double("duration", default: 30, in: 0.1...Limits.maxSeconds)
        secret = Array((arguments.string("secret") ?? BenchToken.developmentSecret).utf8)
        guard !secret.isEmpty else { throw BenchError("--secret must not be empty") }
        setupTimeoutMs = try arguments.int("setup-timeout", default: 30_000, in: 100...600_000)
        setupWaitMs = try arguments.int("setup-wait", default: 500, in: 0...600_000)
        drainMs = try arguments.int("drain", default: 2000, in: 0...600_000)
        historyTimeoutMs = try arguments.int("history-timeout", default: 60_000, in: 100...600_000)
        ramp = try arguments.double("ramp", default: 0, in: 0...1_000_000)
    }

    /// Connects, fills the lobbies, measures the chat, audits the histories, closes, reports. Returns the exit
    /// status.
    func run() throws(BenchError) -> Int32 {
        let connections = layout.connections
        common.raiseFileLimit(for: connections)
        CommonOptions.armWatchdog(
            seconds: Double(connections) / Swift.max(ramp, 1000) + Double(common.connectTimeoutMs * 3) / 1000
                + Double(setupTimeoutMs + setupWaitMs + drainMs + historyTimeoutMs + common.closeTimeoutMs) / 1000
                + seconds)
        var options = common.engineOptions(connections: connections, ramp: ramp)
        options.connectionPaths = tokenPaths()
        let engine = try LoadEngine(options: options, server: common.server)
        let template = LobbyRequests.chatTemplate(runTag: Self.runTag())
        engine.setTemplates(
            MessageTemplates(
                parts: (0..<connections).map { MessageTemplates.split(template, sender: $0, room: "") },
                minimumSize: 0))
        let driver = LobbyDriver(engine: engine, layout: layout)
        engine.onText = { index, payload in driver.received(index, payload) }
        defer { engine.onText = nil }

        var report = LobbyReport(common: common, layout: layout, rate: rate)
        report.rssBefore = common.server?.rssKB()
        report.connectSeconds = engine.connectAll()
        report.setupSeconds = fillLobbies(engine, driver.setup)
        engine.idle(milliseconds: setupWaitMs)
        report.rssAfterSetup = common.server?.rssKB()
        let ready = (0..<layout.lobbies).filter(driver.setup.isReady)
        if !ready.isEmpty && !engine.interrupted {
            let firstSeq = engine.sequence &+ 1
            let result = engine.measure(
                .fixedRate(perSecond: rate), senders: connections, seconds: seconds, drainMs: drainMs)
            report.window = result
            let audit = HistoryAudit(
                engine: engine, layout: layout, firstSeq: firstSeq, sent: result.counters.sent,
                windowStartNs: engine.windowStartNs)
            driver.audit = audit
            report.historySeconds = runAudit(engine, audit, lobbies: ready)
            report.audit = audit
        }
        engine.closeAll(timeoutMs: common.closeTimeoutMs)
        report.finish(engine: engine, driver: driver, readyLobbies: ready.count)
        return engine.counters.opened > 0 ? 0 : 1
    }

    /// Runs the setup until every lobby is ready or failed (or the setup timeout), then closes the members of
    /// lobbies that are not full. Returns the seconds it took after connecting.
    private func fillLobbies(_ engine: LoadEngine, _ setup: LobbySetup) -> Double {
        let start = lobby_monotonic_ns()
        setup.failUnopened()
        engine.run(until: start &+ UInt64(setupTimeoutMs) * 1_000_000) { _ in setup.isComplete }
        _ = setup.closeIncompleteLobbies()
        return Double(lobby_monotonic_ns() &- start) / 1e9
    }

    /// Pages the histories of `lobbies` until done (or the history timeout). Returns the seconds it took.
    private func runAudit(_ engine: LoadEngine, _ audit: HistoryAudit, lobbies: [Int]) -> Double {
        let start = lobby_monotonic_ns()
        audit.start(lobbies)
        engine.run(until: start &+ UInt64(historyTimeoutMs) * 1_000_000) { engine in
            audit.sendDueRetries(now: engine.now)
            return audit.isComplete
        }
        return Double(lobby_monotonic_ns() &- start) / 1e9
    }

    /// The request path of each connection: the URL's path with `token=<JWT of bench-L-M>` added to its query.
    private func tokenPaths() -> [String] {
        let base = common.target.pathTemplate
        let separator = base.contains("?") ? "&" : "?"
        let now = Int(time(nil))
        return (0..<layout.connections).map { index in
            base + separator + "token=" + BenchToken.make(user: layout.user(of: index), secret: secret, issuedAt: now)
        }
    }

    /// A random tag for this run's envelope ids (`b` and 8 hex digits), so a rerun against the same database does
    /// not reuse an idempotency key.
    private static func runTag() -> String {
        var random = SystemRandomNumberGenerator()
        let hex = String(UInt32.random(in: 0...UInt32.max, using: &random), radix: 16)
        return "b" + String(repeating: "0", count: 8 - hex.count) + hex
    }
}
