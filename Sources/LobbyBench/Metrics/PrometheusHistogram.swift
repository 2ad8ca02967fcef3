/// A Prometheus histogram (cumulative buckets by upper bound `le`, the last `+Inf`), and what a window of it says:
/// the difference of two scrapes is the histogram of the window, and its quantiles are read the way Prometheus'
/// `histogram_quantile` does (linear inside the bucket that holds the rank), plus the bucket's upper bound, which
/// answers "is p99 at most 1 ms" exactly when 1 ms is a bound.
struct PrometheusHistogram: Equatable {
    /// One cumulative bucket.
    struct Bucket: Equatable {
        /// Upper bound (seconds here), `+Inf` for the last.
        var le: Double
        /// Observations at most `le` (cumulative).
        var count: Double
    }

    /// The buckets, bounds ascending.
    var buckets: [Bucket]
    /// Sum of the observations.
    var sum: Double
    /// Number of observations (`_count`; else the `+Inf` bucket).
    var count: Double

    /// A histogram from its parts; `count` defaults to the last bucket's.
    init(buckets: [Bucket], sum: Double, count: Double?) {
        self.buckets = buckets
        self.sum = sum
        self.count = count ?? buckets.last?.count ?? 0
    }

    /// This scrape minus an earlier one (the window between them). Buckets are matched by bound; one missing
    /// from `earlier` counts from 0.
    func minus(_ earlier: PrometheusHistogram) -> PrometheusHistogram {
        var before: [Double: Double] = [:]
        for bucket in earlier.buckets { before[bucket.le] = bucket.count }
        let buckets = self.buckets.map { Bucket(le: $0.le, count: Swift.max(0, $0.count - (before[$0.le] ?? 0))) }
        return PrometheusHistogram(buckets: buckets, sum: sum - earlier.sum, count: Swift.max(0, count - earlier.count))
    }

    /// Observations in all (the `+Inf` bucket, or `count` if there is none).
    var total: Double { buckets.last.map { $0.le.isInfinite ? $0.count : count } ?? count }

    /// The index of the first bucket whose cumulative count reaches rank `q` x total, or nil when empty.
    private func bucketIndex(_ q: Double) -> Int? {
        let total = self.total
        guard total > 0 else { return nil }
        let rank = Swift.max(q * total, Double.leastNonzeroMagnitude)
        return buckets.firstIndex { $0.count >= rank } ?? buckets.indices.last
    }

    /// The `q` quantile as `histogram_quantile` estimates it: linear inside its bucket (from the previous bound,
    /// or 0); in the `+Inf` bucket, the largest finite bound. nil when empty.
    func quantile(_ q: Double) -> Double? {
        guard let index = bucketIndex(q) else { return nil }
        let bucket = buckets[index]
        if bucket.le.isInfinite { return index > 0 ? buckets[index - 1].le : nil }
        let lower = index > 0 ? buckets[index - 1].le : 0
        let below = index > 0 ? buckets[index - 1].count : 0
        let inside = bucket.count - below
        guard inside > 0 else { return bucket.le }
        return lower + (bucket.le - lower) * (q * total - below) / inside
    }

    /// The upper bound of the bucket holding the `q` quantile (`+Inf` if it is the last); nil when empty.
    func quantileBound(_ q: Double) -> Double? { bucketIndex(q).map { buckets[$0].le } }

    /// The upper bound of the highest bucket with any observation in it (`+Inf` possible); nil when empty.
    var maxBound: Double? {
        var previous = 0.0
        var highest: Double?
        for bucket in buckets {
            if bucket.count > previous { highest = bucket.le }
            previous = bucket.count
        }
        return highest
    }

    /// The share of observations at most `bound` (interpolated if `bound` is not a bucket bound); nil when empty.
    func share(atMost bound: Double) -> Double? {
        let total = self.total
        guard total > 0 else { return nil }
        var lower = 0.0
        var below = 0.0
        for bucket in buckets {
            if bucket.le == bound { return bucket.count / total }
            if bucket.le > bound {
                guard !bucket.le.isInfinite else { return below / total }
                let fraction = (bound - lower) / (bucket.le - lower)
                return (below + (bucket.count - below) * fraction) / total
            }
            lower = bucket.le
            below = bucket.count
        }
        return below / total
    }

    /// The mean observation (`sum / count`); nil when empty.
    var mean: Double? { count > 0 ? sum / count : nil }
}
