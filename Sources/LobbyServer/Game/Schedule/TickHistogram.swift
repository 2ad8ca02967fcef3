/// A histogram of durations over the fixed buckets of the `/metrics` tick histograms (`le` bounds from 10 µs
/// to 100 ms, plus `+Inf`, as `lobby_game_tick_lateness_seconds` and `lobby_game_tick_duration_seconds` show
/// them), in nanoseconds. Recording never allocates: the counts live in one array made at init.
struct TickHistogram: Equatable, Sendable {
    /// The buckets' upper bounds (inclusive, as Prometheus `le`), in nanoseconds; a last `+Inf` bucket follows.
    static let boundsNs: [UInt64] = [
        10_000, 25_000, 50_000, 100_000, 250_000, 500_000, 750_000, 1_000_000, 1_500_000, 2_000_000, 3_000_000,
        5_000_000, 10_000_000, 25_000_000, 50_000_000, 100_000_000,
    ]
    /// ``boundsNs`` in seconds as the `le` label values are written, then `+Inf`: one per bucket.
    static let labels: [String] = [
        "0.00001", "0.000025", "0.00005", "0.0001", "0.00025", "0.0005", "0.00075", "0.001", "0.0015", "0.002",
        "0.003", "0.005", "0.01", "0.025", "0.05", "0.1", "+Inf",
    ]

    /// Values per bucket (not cumulative): `counts[i]` counts values in `(boundsNs[i-1], boundsNs[i]]`;
    /// the last one counts those above every bound.
    private(set) var counts = [UInt64](repeating: 0, count: boundsNs.count + 1)
    /// Values recorded.
    private(set) var count: UInt64 = 0
    /// Their sum, in nanoseconds.
    private(set) var sumNs: UInt64 = 0

    /// An empty histogram.
    init() {}

    /// Counts `valueNs`.
    mutating func record(_ valueNs: UInt64) {
        var bucket = 0
        let bounds = Self.boundsNs
        while bucket < bounds.count && valueNs > bounds[bucket] { bucket += 1 }
        counts[bucket] += 1
        count += 1
        sumNs &+= valueNs
    }

    /// Cumulative counts, one per ``labels`` entry (what `_bucket{le="..."}` shows); the last equals ``count``.
    var cumulativeCounts: [UInt64] {
        var total: UInt64 = 0
        return counts.map { bucket in
            total += bucket
            return total
        }
    }

    /// ``sumNs`` in seconds (`_sum`).
    var sumSeconds: Double { Double(sumNs) / 1e9 }

    /// Adds `other`'s counts (another shard's) to these.
    mutating func merge(_ other: TickHistogram) {
        for index in counts.indices { counts[index] += other.counts[index] }
        count += other.count
        sumNs &+= other.sumNs
    }
}
