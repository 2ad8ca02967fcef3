import CLinux

/// `lobby-bench idle`: opens N connections (at `--ramp` per second), holds them without traffic, and reports the
/// server's memory per connection = (VmRSS after holding - VmRSS before connecting) / connections opened.
struct IdleScenario {
    /// Options besides the common ones.
    static let valueOptions: Set<String> = ["conns", "ramp", "hold"]

    private let common: CommonOptions
    private let connections: Int
    private let ramp: Double
    private let holdSeconds: Double

    /// Reads the options.
    init(_ arguments: Arguments) throws(BenchError) {
        common = try CommonOptions(arguments)
        connections = try arguments.int("conns", default: 10_000, in: 1...Limits.maxConnections)
        ramp = try arguments.double("ramp", default: 5000, in: 0...1_000_000)
        holdSeconds = try arguments.double("hold", default: 5, in: 0...Limits.maxSeconds)
    }

    /// Connects, holds, samples, closes, reports. Returns the exit status.
    func run() throws(BenchError) -> Int32 {
        common.raiseFileLimit(for: connections)
        CommonOptions.armWatchdog(
            seconds: Double(connections) / Swift.max(ramp, 1000) + Double(common.connectTimeoutMs * 3) / 1000
                + Double(common.closeTimeoutMs) / 1000 + holdSeconds)
        var options = common.engineOptions(connections: connections, ramp: ramp)
        options.progress = !common.quiet
        let engine = try LoadEngine(options: options, server: common.server)
        let rssBefore = common.server?.rssKB()
        let connectSeconds = engine.connectAll()
        let rssAfterConnect = common.server?.rssKB()
        let resources = ResourceWindow(server: common.server)
        hold(engine)
        let figures = resources.finish()
        let openAfterHold = engine.openCount
        engine.closeAll(timeoutMs: common.closeTimeoutMs)
        let opened = engine.counters.opened
        var perConnection: Double?
        if let before = rssBefore, let after = figures.serverRSSKB, before >= 0, after >= 0, opened > 0 {
            perConnection = Double(after - before) / Double(opened)
        }
        var json = JSONObject()
        json.add("tool", "lobby-bench")
        json.add("scenario", "idle")
        json.add("url", "ws://\(common.target.hostHeader)\(common.target.pathTemplate)")
        json.add("conns", connections)
        json.add("ramp", ramp)
        json.add("hold_s", holdSeconds)
        json.add("connect_s", connectSeconds)
        json.add("open_after_hold", openAfterHold)
        Figures.addConnections(engine.counters, to: &json)
        Figures.addResources(figures, to: &json)
        common.addServer(
            to: &json, before: rssBefore, afterConnect: rssAfterConnect, end: figures.serverRSSKB,
            cpu: figures.serverCPUPercent, endKey: "rss_kb_after_hold")
        json.add("kib_per_conn", perConnection, decimals: 3)
        if !common.quiet {
            var lines = [
                "",
                "lobby-bench idle  ws://\(common.target.hostHeader)\(common.target.pathTemplate)",
                "  connections  \(opened) ok, \(engine.counters.failed) failed (connect \(engine.counters.failConnect), "
                    + "handshake \(engine.counters.failHandshake), timeout \(engine.counters.failTimeout)) in "
                    + "\(Figures.hundredths(connectSeconds)) s; \(openAfterHold) still open after "
                    + "\(Figures.decimal(holdSeconds)) s",
            ]
            lines += Figures.problemLines(engine.counters)
            lines.append(Figures.cpuLine(figures))
            if let server = common.server {
                lines.append(
                    "  server pid \(server.pid)  VmRSS KiB before \(rssBefore ?? -1), after connect "
                        + "\(rssAfterConnect ?? -1), after hold \(figures.serverRSSKB ?? -1)")
                lines.append("  memory       \(perConnection.map(Figures.hundredths) ?? "n/a") KiB per connection")
            }
            Console.error(lines.joined(separator: "\n"))
        }
        Console.output(json.text)
        return opened > 0 ? 0 : 1
    }

    /// Holds the connections for the hold time, printing the open count every second.
    private func hold(_ engine: LoadEngine) {
        let start = lobby_monotonic_ns()
        engine.progressOriginNs = start
        engine.nextProgressNs = common.quiet ? 0 : start &+ 1_000_000_000
        engine.run(until: start &+ UInt64(holdSeconds * 1e9))
        engine.nextProgressNs = 0
    }
}
