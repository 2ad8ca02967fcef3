/// `lobby-bench broadcast`: rooms x members connections (connection i joins room i % rooms, so connections
/// 0..rooms-1 are the senders, one per room); each sender sends ~140-byte chat messages at a fixed rate, the server
/// delivers each to every member (sender included). The rate rises step by step on the same connections until the
/// second step that delivers under 90 % of what was offered.
struct BroadcastScenario {
    /// Options besides the common ones.
    static let valueOptions: Set<String> = [
        "rooms", "members", "rates", "duration", "setup-wait", "drain", "pause", "settle-max", "msg", "ramp",
    ]
    /// The default message: ~140 bytes once `{mark}` is a marker.
    static let chatTemplate =
        #"{"type":"chat","room":"{room}","from":{i},"text":"ready for the next round? map: dust2, mode: ffa, "#
        + #"ping me when in","mark":"{mark}"}"#
    /// The default sweep, messages per second per sender.
    static let defaultRates: [Double] = [100, 200, 400, 800, 1600, 3200, 6400]
    /// A step delivering less than this share of what was offered is saturated.
    static let saturationShare = 0.9

    private let common: CommonOptions
    private let rooms: Int
    private let members: Int
    private let rates: [Double]
    private let seconds: Double
    private let setupWaitMs: Int
    private let drainMs: Int
    private let pauseMs: Int
    private let settleMaxMs: Int
    private let messageTemplate: String
    private let ramp: Double

    /// Reads the options.
    init(_ arguments: Arguments) throws(BenchError) {
        common = try CommonOptions(arguments)
        rooms = try arguments.int("rooms", default: 10, in: 1...10_000)
        members = try arguments.int("members", default: 100, in: 1...Limits.maxConnections)
        guard rooms * members <= Limits.maxConnections else {
            throw BenchError("--rooms x --members must be at most \(Limits.maxConnections)")
        }
        rates = try arguments.doubles("rates", default: Self.defaultRates, in: 0.1...Limits.maxRate)
        guard rates.count <= 32 else { throw BenchError("--rates: at most 32 steps") }
        seconds = try arguments.double("duration", default: 10, in: 0.1...Limits.maxSeconds)
        setupWaitMs = try arguments.int("setup-wait", default: 1000, in: 0...600_000)
        drainMs = try arguments.int("drain", default: 2000, in: 0...600_000)
        pauseMs = try arguments.int("pause", default: 500, in: 0...600_000)
        settleMaxMs = try arguments.int("settle-max", default: 30_000, in: 0...600_000)
        messageTemplate = arguments.string("msg") ?? Self.chatTemplate
        ramp = try arguments.double("ramp", default: 0, in: 0...1_000_000)
    }

    /// Connects, runs the rate steps, closes, reports. Returns the exit status.
    func run() throws(BenchError) -> Int32 {
        let connections = rooms * members
        common.raiseFileLimit(for: connections)
        let perStep = seconds + Double(drainMs + settleMaxMs) / 1000
        CommonOptions.armWatchdog(
            seconds: Double(connections) / Swift.max(ramp, 1000) + Double(common.connectTimeoutMs * 3) / 1000
                + Double(setupWaitMs + common.closeTimeoutMs) / 1000 + perStep * Double(rates.count))
        let engine = try LoadEngine(
            options: common.engineOptions(connections: connections, rooms: rooms, ramp: ramp), server: common.server)
        let parts = (0..<rooms).map { MessageTemplates.split(messageTemplate, sender: $0, room: String($0)) }
        engine.setTemplates(MessageTemplates(parts: parts, minimumSize: 0))
        let rssBefore = common.server?.rssKB()
        let connectSeconds = engine.connectAll()
        engine.idle(milliseconds: setupWaitMs)
        let rssAfterConnect = common.server?.rssKB()
        var steps: [BroadcastStep] = []
        var saturatedSteps = 0
        for rate in rates {
            if engine.interrupted || engine.openCount == 0 { break }
            let settled = steps.isEmpty ? 0 : engine.settle(minimumMs: pauseMs, quietMs: 250, maximumMs: settleMaxMs)
            let result = engine.measure(.fixedRate(perSecond: rate), senders: rooms, seconds: seconds, drainMs: drainMs)
            let step = BroadcastStep(
                rate: rate, offeredPerSecond: rate * Double(result.activeSenders * members), settleMs: settled,
                result: result)
            steps.append(step)
            if !common.quiet { Console.error(step.line) }
            if step.deliveredShare < Self.saturationShare {
                saturatedSteps += 1
                if saturatedSteps >= 2 { break }
            }
        }
        engine.closeAll(timeoutMs: common.closeTimeoutMs)
        report(engine, steps, connectSeconds: connectSeconds, rss: (rssBefore, rssAfterConnect))
        return engine.counters.opened > 0 ? 0 : 1
    }

    private func report(_ engine: LoadEngine, _ steps: [BroadcastStep], connectSeconds: Double, rss: (Int?, Int?)) {
        let peak = steps.max { $0.result.deliveriesPerSecond < $1.result.deliveriesPerSecond }
        let saturation = steps.first { $0.deliveredShare < Self.saturationShare }
        var json = JSONObject()
        json.add("tool", "lobby-bench")
        json.add("scenario", "broadcast")
        json.add("url", "ws://\(common.target.hostHeader)\(common.target.pathTemplate)")
        json.add("rooms", rooms)
        json.add("members", members)
        json.add("conns", rooms * members)
        json.add("step_duration_s", seconds)
        json.add("connect_s", connectSeconds)
        json.add("steps", steps.map(\.json))
        json.add("peak_delivered_per_s", peak?.result.deliveriesPerSecond ?? 0)
        json.add("peak_rate", peak?.rate ?? 0)
        json.add("saturation_rate", saturation?.rate)
        Figures.addConnections(engine.counters, to: &json)
        common.addServer(
            to: &json, before: rss.0, afterConnect: rss.1, end: common.server?.rssKB(),
            cpu: peak?.result.resources.serverCPUPercent)
        if !common.quiet { printSummary(engine.counters, steps, peak: peak, saturation: saturation, rss: rss) }
        Console.output(json.text)
    }

    private func printSummary(
        _ counters: ConnectionCounters, _ steps: [BroadcastStep], peak: BroadcastStep?, saturation: BroadcastStep?,
        rss: (Int?, Int?)
    ) {
        var lines = [
            "",
            "lobby-bench broadcast  ws://\(common.target.hostHeader)\(common.target.pathTemplate)",
            "  connections  \(counters.opened) ok, \(counters.failed) failed (connect \(counters.failConnect), "
                + "handshake \(counters.failHandshake), timeout \(counters.failTimeout)); \(rooms) rooms x "
                + "\(members) members, 1 sender per room",
            "  rate/sender  offered/s     delivered/s   share   p50 us       p99 us       drain ms  cpu srv/client",
        ]
        lines += steps.map(\.tableRow)
        if let peak {
            lines.append(
                "  peak         \(Figures.grouped(peak.result.deliveriesPerSecond)) deliveries/s at "
                    + "\(Figures.grouped(peak.rate)) msg/s per sender"
                    + (saturation.map { "; saturated from \(Figures.grouped($0.rate))/sender" } ?? "; never saturated"))
        }
        lines += Figures.problemLines(counters)
        if let server = common.server {
            lines.append(
                "  server pid \(server.pid)  VmRSS kB before \(rss.0 ?? -1), after connect \(rss.1 ?? -1), "
                    + "at end \(server.rssKB())")
        }
        Console.error(lines.joined(separator: "\n"))
    }
}
