/// What a game shard's tick loop measures about itself, for `/metrics`: ticks run, late and skipped, the
/// lateness and duration histograms, the worst lateness and the start-to-start period. A plain value: the shard
/// records into its own copy every tick and publishes a copy now and then; `/metrics` merges the shards'.
struct TickStats: Equatable, Sendable {
    /// A tick starting more than this after its deadline is late (`lobby_game_ticks_late_total`): 1 ms.
    static let lateThresholdNs: UInt64 = 1_000_000

    /// Ticks run (`lobby_game_ticks_total`).
    private(set) var ticks: UInt64 = 0
    /// Ticks that started more than ``lateThresholdNs`` late.
    private(set) var lateTicks: UInt64 = 0
    /// Ticks dropped for falling too far behind (`lobby_game_ticks_skipped_total`).
    private(set) var skippedTicks: UInt64 = 0
    /// The worst lateness seen, in nanoseconds.
    private(set) var maxLatenessNs: UInt64 = 0
    /// How late ticks started (`lobby_game_tick_lateness_seconds`).
    private(set) var lateness = TickHistogram()
    /// How long ticks ran (`lobby_game_tick_duration_seconds`).
    private(set) var duration = TickHistogram()
    /// Sum of start-to-start periods, in nanoseconds (`lobby_game_tick_period_seconds_sum`).
    private(set) var periodSumNs: UInt64 = 0
    /// Periods summed (`lobby_game_tick_period_seconds_count`).
    private(set) var periodCount: UInt64 = 0
    /// Jitter: how far each start-to-start period was from the nominal one, which is the change in lateness
    /// from one tick to the next (`lobby_game_tick_jitter_seconds`).
    private(set) var jitter = TickHistogram()
    /// The previous tick's lateness, while ticks follow each other on one schedule.
    private var previousLatenessNs: UInt64?

    /// No ticks yet.
    init() {}

    /// Counts one tick: how it started (from ``TickSchedule/begin(now:)``) and how long it ran (from
    /// ``TickSchedule/finish(now:)``).
    mutating func record(_ start: TickStart, durationNs: UInt64) {
        ticks += 1
        if start.latenessNs > Self.lateThresholdNs { lateTicks += 1 }
        skippedTicks += start.skipped
        maxLatenessNs = max(maxLatenessNs, start.latenessNs)
        lateness.record(start.latenessNs)
        duration.record(durationNs)
        if let period = start.sincePreviousStartNs {
            periodSumNs &+= period
            periodCount += 1
            if let previous = previousLatenessNs {
                jitter.record(start.latenessNs > previous ? start.latenessNs - previous : previous - start.latenessNs)
            }
        }
        previousLatenessNs = start.latenessNs
    }

    /// The mean start-to-start period in nanoseconds, or nil before two ticks.
    var meanPeriodNs: Double? { periodCount == 0 ? nil : Double(periodSumNs) / Double(periodCount) }

    /// Adds `other` (another shard's stats) to these; the worst lateness is the worse of the two.
    mutating func merge(_ other: TickStats) {
        ticks += other.ticks
        lateTicks += other.lateTicks
        skippedTicks += other.skippedTicks
        maxLatenessNs = max(maxLatenessNs, other.maxLatenessNs)
        lateness.merge(other.lateness)
        duration.merge(other.duration)
        periodSumNs &+= other.periodSumNs
        periodCount += other.periodCount
        jitter.merge(other.jitter)
    }
}
