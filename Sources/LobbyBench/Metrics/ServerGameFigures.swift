/// The server's side of a game window, from two `/metrics` scrapes (docs/game-contract metric names): counter and
/// histogram deltas over the seconds between the scrapes, gauges at the end. Every figure is nil when the server
/// does not expose its metric.
struct ServerGameFigures {
    /// Seconds between the two scrapes (measured by the bench).
    var seconds: Double
    /// Live rooms at the end (`lobby_game_rooms`).
    var rooms: Double?
    /// Game shards (`lobby_game_shards`).
    var shards: Double?
    /// Ticks per second (`lobby_game_tick_rate`).
    var tickRate: Double?
    /// Schedule ticks run in the window, all shards.
    var ticks: Double?
    /// Ticks that started more than 1 ms after their deadline.
    var lateTicks: Double?
    /// Ticks dropped after falling more than 5 periods behind.
    var skippedTicks: Double?
    /// Tick start lateness in the window (seconds).
    var lateness: PrometheusHistogram?
    /// Time to run one tick of all rooms of a shard (seconds).
    var duration: PrometheusHistogram?
    /// Mean start-to-start period in the window (seconds).
    var meanPeriod: Double?
    /// Sum of the start-to-start periods in the window, all shards (seconds).
    var periodSum: Double?
    /// `game:state` frames encoded per second.
    var stateFramesPerSecond: Double?
    /// `game:state` frames queued to connections per second.
    var stateDeliveriesPerSecond: Double?
    /// Unsent states replaced by newer ones in the window.
    var snapshotsDropped: Double?
    /// Connections closed for making no progress in the window.
    var stallCloses: Double?
    /// Server CPU over the window, percent of one CPU (`process_cpu_seconds_total`).
    var cpuPercent: Double?
    /// Resident memory at the end, bytes.
    var residentBytes: Double?

    /// The figures between `before` and `after`, `seconds` apart.
    init(before: PrometheusText, after: PrometheusText, seconds: Double) {
        self.seconds = seconds
        /// A counter's increase.
        func delta(_ name: String) -> Double? {
            guard let end = after.value(name), let start = before.value(name) else { return nil }
            return end - start
        }
        /// A counter's increase per second.
        func rate(_ name: String) -> Double? { delta(name).flatMap { seconds > 0 ? $0 / seconds : nil } }
        rooms = after.value("lobby_game_rooms")
        shards = after.value("lobby_game_shards")
        tickRate = after.value("lobby_game_tick_rate")
        ticks = delta("lobby_game_ticks_total")
        lateTicks = delta("lobby_game_ticks_late_total")
        skippedTicks = delta("lobby_game_ticks_skipped_total")
        if let end = after.histogram("lobby_game_tick_lateness_seconds") {
            lateness = before.histogram("lobby_game_tick_lateness_seconds").map(end.minus) ?? end
        }
        if let end = after.histogram("lobby_game_tick_duration_seconds") {
            duration = before.histogram("lobby_game_tick_duration_seconds").map(end.minus) ?? end
        }
        periodSum = delta("lobby_game_tick_period_seconds_sum")
        if let sum = periodSum, let count = delta("lobby_game_tick_period_seconds_count"), count > 0 {
            meanPeriod = sum / count
        }
        stateFramesPerSecond = rate("lobby_game_state_frames_total")
        stateDeliveriesPerSecond = rate("lobby_game_state_deliveries_total")
        snapshotsDropped = delta("lobby_snapshots_dropped_total")
        stallCloses = delta("lobby_stall_closes_total")
        cpuPercent = rate("process_cpu_seconds_total").map { $0 * 100 }
        residentBytes = after.value("process_resident_memory_bytes")
    }

    /// The nominal period, 1 / tick rate (seconds).
    var nominalPeriod: Double? { tickRate.flatMap { $0 > 0 ? 1 / $0 : nil } }

    /// How far the mean period is off the nominal one, in parts per million (positive: slower).
    var periodDriftPPM: Double? {
        guard let meanPeriod, let nominalPeriod else { return nil }
        return (meanPeriod - nominalPeriod) / nominalPeriod * 1e6
    }

    /// Seconds of schedule the tick figures cover (the period sum over the shards). A shard publishes its figures
    /// once a second of ticks, so this is whole seconds near ``seconds``, not exactly it.
    var coveredSeconds: Double? {
        guard let periodSum, let shards, shards > 0 else { return nil }
        return periodSum / shards
    }

    /// Ticks the shards should have run in the time their figures cover: tick rate x the period sum (a skipped
    /// tick lengthens a period without adding a tick). Without the period sum, shards x rate x ``seconds``.
    var ticksDue: Double? {
        guard let tickRate else { return nil }
        if let periodSum { return tickRate * periodSum }
        return shards.map { $0 * tickRate * seconds }
    }

    /// The JSON object `server_metrics`.
    var json: JSONObject {
        var json = JSONObject()
        json.add("window_s", seconds, decimals: 3)
        json.add("rooms", rooms.map { Int($0) })
        json.add("shards", shards.map { Int($0) })
        json.add("tick_rate", tickRate)
        json.add("ticks", ticks.map { Int($0) })
        json.add("ticks_due", ticksDue.map { Int($0.rounded()) })
        json.add("tick_figures_s", coveredSeconds, decimals: 3)
        json.add("late_ticks", lateTicks.map { Int($0) })
        json.add("skipped_ticks", skippedTicks.map { Int($0) })
        json.add("lateness_ms", Self.histogramJSON(lateness, threshold: 0.001))
        json.add("duration_ms", Self.histogramJSON(duration, threshold: nil))
        json.add("mean_period_ms", meanPeriod.map { $0 * 1000 }, decimals: 6)
        json.add("nominal_period_ms", nominalPeriod.map { $0 * 1000 }, decimals: 6)
        json.add("period_drift_ppm", periodDriftPPM, decimals: 1)
        json.add("state_frames_per_s", stateFramesPerSecond)
        json.add("state_deliveries_per_s", stateDeliveriesPerSecond)
        json.add("snapshots_dropped", snapshotsDropped.map { Int($0) })
        json.add("stall_closes", stallCloses.map { Int($0) })
        json.add("cpu_pct", cpuPercent)
        json.add("rss_kb", residentBytes.map { Int($0 / 1024) })
        return json
    }

    /// A histogram's window figures in ms: count, p50/p99/p99.9 (interpolated) with the bounds of their buckets,
    /// the highest bucket used, the mean, and the share at most `threshold` seconds.
    static func histogramJSON(_ histogram: PrometheusHistogram?, threshold: Double?) -> JSONObject {
        var json = JSONObject()
        guard let histogram else { return json }
        /// Seconds to ms; `+Inf` becomes null.
        func ms(_ value: Double?) -> Double? { value.flatMap { $0.isFinite ? $0 * 1000 : nil } }
        json.add("count", Int(histogram.total))
        json.add("p50", ms(histogram.quantile(0.5)), decimals: 4)
        json.add("p99", ms(histogram.quantile(0.99)), decimals: 4)
        json.add("p999", ms(histogram.quantile(0.999)), decimals: 4)
        json.add("p50_le", ms(histogram.quantileBound(0.5)), decimals: 4)
        json.add("p99_le", ms(histogram.quantileBound(0.99)), decimals: 4)
        json.add("p999_le", ms(histogram.quantileBound(0.999)), decimals: 4)
        json.add("max_le", ms(histogram.maxBound), decimals: 4)
        json.add("max_in_inf_bucket", histogram.maxBound?.isInfinite ?? false)
        json.add("mean", ms(histogram.mean), decimals: 4)
        if let threshold {
            json.add("share_le_\(Int((threshold * 1000).rounded()))ms", histogram.share(atMost: threshold), decimals: 5)
        }
        return json
    }
}
