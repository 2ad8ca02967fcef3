/// The server-metrics pieces: the Prometheus text parser, histogram deltas and quantiles as `histogram_quantile`
/// reads them, the window figures from two scrapes, and the HTTP body of a scrape (Content-Length and chunked).
extension SelfTest {
    /// Bucket bounds of the contract's histograms (seconds).
    static let bounds = [
        "0.00001", "0.000025", "0.00005", "0.0001", "0.00025", "0.0005", "0.00075", "0.001", "0.0015", "0.002",
        "0.003", "0.005", "0.01", "0.025", "0.05", "0.1", "+Inf",
    ]

    /// A `/metrics` text with lateness buckets `lateness` (cumulative, one per bound), split over two shards.
    static func metricsText(lateness: [Int], ticks: Int, periodSum: Double, cpu: Double) -> String {
        var lines = [
            "# HELP lobby_game_rooms live rooms", "# TYPE lobby_game_rooms gauge", "lobby_game_rooms 2000",
            "lobby_game_shards 2", "lobby_game_tick_rate 60",
            #"lobby_game_ticks_total{shard="0"} \#(ticks / 2)"#,
            #"lobby_game_ticks_total{shard="1"} \#(ticks - ticks / 2)"#,
            "lobby_game_ticks_late_total 1", "lobby_game_ticks_skipped_total 0",
            "lobby_game_tick_period_seconds_sum \(periodSum)", "lobby_game_tick_period_seconds_count \(ticks)",
            "process_cpu_seconds_total \(cpu) 1763751600000", "lobby_snapshots_dropped_total 7",
            "process_resident_memory_bytes 6.5536e+07",
        ]
        for (bound, count) in zip(bounds, lateness) {
            lines.append(#"lobby_game_tick_lateness_seconds_bucket{shard="0",le="\#(bound)"} \#(count - count / 2)"#)
            lines.append(#"lobby_game_tick_lateness_seconds_bucket{le="\#(bound)",shard="1"} \#(count / 2)"#)
        }
        lines.append("lobby_game_tick_lateness_seconds_sum 0.05")
        lines.append("lobby_game_tick_lateness_seconds_count \(lateness.last ?? 0)")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Runs the metrics checks.
    mutating func metrics() {
        let earlier = [0, 50] + Array(repeating: 100, count: 15)
        // The window adds 900 ticks at <= 50 us, 90 at <= 100 us, 9 at <= 750 us and 1 at <= 1.5 ms.
        let later = [0, 50, 1000, 1090, 1090, 1090, 1099, 1099] + Array(repeating: 1100, count: 9)
        let before = PrometheusText(Self.metricsText(lateness: earlier, ticks: 600, periodSum: 10, cpu: 5))
        let after = PrometheusText(Self.metricsText(lateness: later, ticks: 1600, periodSum: 26.666_67, cpu: 13.5))
        check(before.malformedLines == 0 && after.value("lobby_game_ticks_total") == 1600, "metrics text parsed")
        let figures = ServerGameFigures(before: before, after: after, seconds: 10)
        check(
            figures.ticks == 1000 && abs((figures.ticksDue ?? 0) - 1000) < 0.01 && figures.rooms == 2000,
            "ticks \(String(describing: figures.ticks)) of \(String(describing: figures.ticksDue)) due, gauges")
        check(abs((figures.cpuPercent ?? 0) - 85) < 1e-9, "cpu % \(String(describing: figures.cpuPercent))")
        check(
            abs((figures.periodDriftPPM ?? 99) - 0.2) < 1, "period drift \(String(describing: figures.periodDriftPPM))")
        check(figures.snapshotsDropped == 0 && figures.residentBytes == 65_536_000, "dropped delta, RSS")
        guard let lateness = figures.lateness else { return check(false, "lateness histogram") }
        check(lateness.total == 1000, "window holds 1000 ticks, got \(lateness.total)")
        check(abs((lateness.quantile(0.5) ?? 0) - (0.000025 + 0.000025 * 500 / 900)) < 1e-12, "lateness p50")
        check(abs((lateness.quantile(0.99) ?? 0) - 0.0001) < 1e-12, "lateness p99 \(lateness.quantile(0.99) ?? -1)")
        check(abs((lateness.quantile(0.999) ?? 0) - 0.00075) < 1e-12, "lateness p99.9")
        check(lateness.quantileBound(0.99) == 0.0001 && lateness.maxBound == 0.0015, "p99 bucket and highest bucket")
        check(lateness.share(atMost: 0.001) == 0.999, "share <= 1 ms \(lateness.share(atMost: 0.001) ?? -1)")
        let empty = PrometheusHistogram(buckets: [], sum: 0, count: nil)
        check(empty.quantile(0.5) == nil && empty.maxBound == nil, "empty histogram")
        let labels = PrometheusText(#"x{a="q\"uote",le="+Inf"} 3"# + "\nbad line here\n")
        check(labels.samples.first?.label("a") == "q\"uote" && labels.malformedLines == 1, "labels and bad lines")
        httpBodies()
    }

    private mutating func httpBodies() {
        let plain = Array("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello".utf8)
        check((try? MetricsFetch.body(of: plain, path: "/m").get()) == "hello", "Content-Length body")
        let chunked = Array(
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4;x=1\r\nlobb\r\n2\r\ny_\r\n0\r\n\r\n".utf8)
        check((try? MetricsFetch.body(of: chunked, path: "/m").get()) == "lobby_", "chunked body")
        let missing = Array("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n".utf8)
        check((try? MetricsFetch.body(of: missing, path: "/m").get()) == nil, "404 is an error")
    }
}
