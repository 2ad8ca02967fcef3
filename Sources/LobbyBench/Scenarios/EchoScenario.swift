/// `lobby-bench echo`: every connection sends to `/echo` and measures the round trip of its own messages, closed loop
/// (`--inflight` unanswered messages each; the default 1 is ping-pong) or at a fixed `--rate` per connection.
struct EchoScenario {
    /// Options besides the common ones.
    static let valueOptions: Set<String> = [
        "conns", "duration", "inflight", "size", "rate", "setup-wait", "drain", "inflight-timeout", "ramp",
    ]

    private let common: CommonOptions
    private let connections: Int
    private let seconds: Double
    private let inflight: Int
    private let size: Int
    private let rate: Double
    private let setupWaitMs: Int
    private let drainMs: Int
    private let inflightTimeoutMs: Int
    private let ramp: Double

    /// Reads the options.
    init(_ arguments: Arguments) throws(BenchError) {
        common = try CommonOptions(arguments)
        connections = try arguments.int("conns", default: 100, in: 1...Limits.maxConnections)
        seconds = try arguments.double("duration", default: 10, in: 0.1...Limits.maxSeconds)
        inflight = try arguments.int("inflight", default: 1, in: 1...1024)
        size = try arguments.int("size", default: 32, in: 0...(1 << 20))
        rate = try arguments.double("rate", default: 0, in: 0...Limits.maxRate)
        setupWaitMs = try arguments.int("setup-wait", default: 500, in: 0...600_000)
        drainMs = try arguments.int("drain", default: 1000, in: 0...600_000)
        inflightTimeoutMs = try arguments.int("inflight-timeout", default: 5000, in: 1...600_000)
        ramp = try arguments.double("ramp", default: 0, in: 0...1_000_000)
    }

    /// Connects, measures one window, closes, reports. Returns the exit status.
    func run() throws(BenchError) -> Int32 {
        common.raiseFileLimit(for: connections)
        CommonOptions.armWatchdog(
            seconds: Double(connections) / Swift.max(ramp, 1000) + Double(common.connectTimeoutMs * 3) / 1000
                + Double(setupWaitMs + drainMs + common.closeTimeoutMs) / 1000 + seconds)
        var options = common.engineOptions(connections: connections, ramp: ramp)
        options.inflightTimeoutMs = inflightTimeoutMs
        let engine = try LoadEngine(options: options, server: common.server)
        let rssBefore = common.server?.rssKB()
        let parts = (0..<connections).map { MessageTemplates.split("{mark}", sender: $0, room: "0") }
        engine.setTemplates(MessageTemplates(parts: parts, minimumSize: size))
        let connectSeconds = engine.connectAll()
        engine.idle(milliseconds: setupWaitMs)
        let rssAfterConnect = common.server?.rssKB()
        let mode: TrafficMode = rate > 0 ? .fixedRate(perSecond: rate) : .closedLoop(inflight: inflight)
        let result = engine.measure(mode, senders: connections, seconds: seconds, drainMs: drainMs)
        engine.closeAll(timeoutMs: common.closeTimeoutMs)
        report(engine, result, connectSeconds: connectSeconds, rss: (rssBefore, rssAfterConnect))
        return engine.counters.opened > 0 ? 0 : 1
    }

    private func report(
        _ engine: LoadEngine, _ result: WindowResult, connectSeconds: Double, rss: (Int?, Int?)
    ) {
        let counters = engine.counters
        var json = JSONObject()
        json.add("tool", "lobby-bench")
        json.add("scenario", "echo")
        json.add("url", "ws://\(common.target.hostHeader)\(common.target.pathTemplate)")
        json.add("conns", connections)
        json.add("mode", rate > 0 ? "rate" : "closed_loop")
        json.add("inflight", rate > 0 ? 0 : inflight)
        json.add("rate", rate)
        json.add("size", size)
        json.add("connect_s", connectSeconds)
        json.add("msgs_per_s", result.deliveriesPerSecond)
        Figures.addWindow(result, to: &json)
        Figures.addConnections(counters, to: &json)
        common.addServer(
            to: &json, before: rss.0, afterConnect: rss.1, end: result.resources.serverRSSKB,
            cpu: result.resources.serverCPUPercent)
        if !common.quiet { printSummary(counters, result, connectSeconds: connectSeconds, rss: rss) }
        Console.output(json.text)
    }

    private func printSummary(
        _ counters: ConnectionCounters, _ result: WindowResult, connectSeconds: Double, rss: (Int?, Int?)
    ) {
        let traffic =
            rate > 0
            ? "\(result.activeSenders) senders x \(Figures.decimal(rate)) msg/s"
            : "\(result.activeSenders) senders, closed loop, inflight \(inflight)"
        var lines = [
            "",
            "lobby-bench echo  ws://\(common.target.hostHeader)\(common.target.pathTemplate)",
            "  connections  \(counters.opened) ok, \(counters.failed) failed (connect \(counters.failConnect), "
                + "handshake \(counters.failHandshake), timeout \(counters.failTimeout)) in "
                + "\(Figures.hundredths(connectSeconds)) s",
            "  traffic      \(traffic), \(size)-byte messages, for \(Figures.decimal(result.seconds)) s",
            "  sent         \(result.counters.sent) (\(Figures.grouped(result.sentPerSecond))/s)",
            "  echoes       \(result.counters.deliveries) (\(Figures.grouped(result.deliveriesPerSecond)) msg/s) + "
                + "\(result.counters.deliveriesDrain) during drain",
            "  latency us   " + Figures.latencyLine(result.latency),
        ]
        lines += Figures.problemLines(counters)
        lines.append(Figures.cpuLine(result.resources))
        if let server = common.server {
            lines.append(
                "  server pid \(server.pid)  VmRSS kB before \(rss.0 ?? -1), after connect \(rss.1 ?? -1), "
                    + "at end \(result.resources.serverRSSKB ?? -1)")
        }
        Console.error(lines.joined(separator: "\n"))
    }
}
