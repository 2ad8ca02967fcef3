import CLinux

/// `GET /metrics`: counters, gauges and histograms in the Prometheus text exposition format (version 0.0.4).
/// Histograms are cumulative since start, so a scraper (or `lobby-bench`) computes percentiles over any window
/// from the bucket differences between two scrapes.
enum Metrics {
    /// The route. It reads atomics and each shard's last published tick statistics (one short lock per shard).
    static func route(path: String, games: @escaping @Sendable () -> [GameShard]) -> HTTPRoute {
        HTTPRoute(path: path, methods: ["GET"]) { request in
            var text = MetricsText()
            transport(request.loop.server, into: &text)
            gameRooms(games(), into: &text)
            process(into: &text)
            return HTTPReply(status: 200, headers: [("Content-Type", "text/plain; version=0.0.4")], body: Array(text.output.utf8))
        }
    }

    private static func transport(_ server: ServerContext, into text: inout MetricsText) {
        let stats = server.stats
        text.gauge("lobby_connections", "TCP connections open", stats.connectionsOpen.load())
        text.gauge("lobby_websockets", "WebSocket sessions open", stats.webSocketsOpen.load())
        text.counter("lobby_connections_accepted_total", "TCP connections accepted", stats.connectionsAccepted.load())
        text.counter("lobby_connections_refused_total", "connections refused at MAX_CONNECTIONS", stats.connectionsRefused.load())
        text.counter("lobby_websocket_upgrades_total", "WebSocket upgrades completed", stats.webSocketUpgrades.load())
        text.counter("lobby_http_requests_total", "plain HTTP requests served", stats.httpRequests.load())
        text.counter("lobby_http_errors_total", "requests answered with 4xx/5xx", stats.httpErrors.load())
        text.counter("lobby_backpressure_closes_total", "slow readers closed at the send high-water mark", stats.backpressureCloses.load())
        text.counter("lobby_stall_closes_total", "connections closed after SEND_STALL_TIMEOUT_MS without write progress", stats.stallCloses.load())
        text.counter("lobby_snapshots_dropped_total", "unsent game:state snapshots replaced by a newer one", stats.snapshotsDropped.load())
        text.counter("lobby_protocol_errors_total", "connections failed for a WebSocket protocol violation", stats.protocolErrors.load())
        text.counter("lobby_timeouts_total", "connections closed by a timeout", stats.timeouts.load())
        text.counter("lobby_tls_failures_total", "TLS handshakes or records that failed", stats.tlsFailures.load())
        text.counter("lobby_rate_limited_total", "requests refused by a rate limit", stats.rateLimited.load())
        text.counter("lobby_abuse_closes_total", "connections closed for sustained abuse", stats.abuseCloses.load())
    }

    private static func gameRooms(_ shards: [GameShard], into text: inout MetricsText) {
        var merged = TickStats()
        var rooms = 0
        var frames = 0
        var deliveries = 0
        var stepDowns = 0
        for shard in shards {
            let stats = shard.published.withLock { $0 }
            merged.merge(stats)
            rooms += shard.roomCount.load(ordering: .relaxed)
            frames += shard.stateFrames.load(ordering: .relaxed)
            deliveries += shard.stateDeliveries.load(ordering: .relaxed)
            stepDowns += shard.stepDowns.load(ordering: .relaxed)
        }
        text.gauge("lobby_game_rooms", "live game rooms", rooms)
        text.gauge("lobby_game_shards", "game shard threads", shards.count)
        text.gauge("lobby_game_tick_rate", "game ticks per second", shards.first?.settings.tickRate ?? 0)
        text.counter("lobby_game_ticks_total", "schedule ticks run, all shards", Int(merged.ticks))
        text.counter("lobby_game_ticks_late_total", "ticks that started more than 1 ms after their deadline", Int(merged.lateTicks))
        text.counter("lobby_game_ticks_skipped_total", "ticks dropped after falling more than 5 periods behind", Int(merged.skippedTicks))
        text.histogram("lobby_game_tick_lateness_seconds", "tick start minus its deadline", merged.lateness)
        text.histogram("lobby_game_tick_duration_seconds", "time to run one tick of a shard's rooms", merged.duration)
        text.histogram("lobby_game_tick_jitter_seconds", "how far a start-to-start period was from the nominal one", merged.jitter)
        text.header("lobby_game_tick_period_seconds", "start-to-start time between ticks", type: "summary")
        text.line("lobby_game_tick_period_seconds_sum", seconds(ns: merged.periodSumNs))
        text.line("lobby_game_tick_period_seconds_count", String(merged.periodCount))
        text.counter("lobby_game_state_frames_total", "game:state frames encoded", frames)
        text.counter("lobby_game_state_deliveries_total", "game:state frames queued to connections", deliveries)
        text.counter("lobby_game_priority_step_downs_total", "times a game shard left real-time priority because it ran behind", stepDowns)
    }

    private static func process(into text: inout MetricsText) {
        let ticks = lobby_cpu_ticks(0)
        let perSecond = lobby_clock_ticks_per_second()
        if ticks >= 0 && perSecond > 0 {
            text.header("process_cpu_seconds_total", "user and system CPU time of the process", type: "counter")
            text.line("process_cpu_seconds_total", String(Double(ticks) / Double(perSecond)))
        }
        let rss = lobby_rss_kb(0)
        if rss >= 0 { text.gauge("process_resident_memory_bytes", "resident set size", rss * 1024) }
    }

    /// Nanoseconds as plain decimal seconds (`0.00001`, `1.5`), exact, without exponent notation.
    static func seconds(ns: UInt64) -> String {
        let whole = ns / 1_000_000_000
        var fraction = String(ns % 1_000_000_000)
        guard fraction != "0" else { return String(whole) }
        fraction = String(repeating: "0", count: 9 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return "\(whole).\(fraction)"
    }
}

/// Builds exposition text line by line.
struct MetricsText {
    private(set) var output = ""

    mutating func header(_ name: String, _ help: String, type: String) {
        output += "# HELP \(name) \(help)\n# TYPE \(name) \(type)\n"
    }

    mutating func line(_ name: String, _ value: String) { output += "\(name) \(value)\n" }

    mutating func gauge(_ name: String, _ help: String, _ value: Int) {
        header(name, help, type: "gauge")
        line(name, String(value))
    }

    mutating func counter(_ name: String, _ help: String, _ value: Int) {
        header(name, help, type: "counter")
        line(name, String(value))
    }

    /// A histogram of nanosecond samples, written in seconds with cumulative buckets.
    mutating func histogram(_ name: String, _ help: String, _ histogram: TickHistogram) {
        header(name, help, type: "histogram")
        for (label, cumulative) in zip(TickHistogram.labels, histogram.cumulativeCounts) {
            line("\(name)_bucket{le=\"\(label)\"}", String(cumulative))
        }
        line("\(name)_sum", Metrics.seconds(ns: histogram.sumNs))
        line("\(name)_count", String(histogram.count))
    }
}
