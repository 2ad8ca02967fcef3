/// A log-linear histogram of latencies in nanoseconds: exact below 128 ns, then 64 equal sub-buckets per power of two
/// (relative error under 1.6 %), saturating at 2^42 ns (~73 minutes). Adding a value is a few integer operations and
/// one store, so it can sit on the receive path of every delivery.
final class LatencyHistogram {
    /// Values below this are counted exactly, one bucket each.
    private static let linearLimit = 128
    /// Sub-buckets per power of two (2^subBits).
    private static let subBits = 6
    /// Exponents 7...maxExponent get sub-buckets; larger values land in the last bucket.
    private static let maxExponent = 41
    /// Total bucket count.
    private static let bucketCount = linearLimit + (maxExponent - 6) << subBits

    private let buckets: UnsafeMutablePointer<UInt64>
    /// Number of values added.
    private(set) var count: UInt64 = 0
    /// Largest value added, in ns.
    private(set) var max: UInt64 = 0
    /// Sum of all values, in ns (for the mean).
    private(set) var sum: Double = 0

    /// An empty histogram.
    init() {
        buckets = .allocate(capacity: Self.bucketCount)
        buckets.initialize(repeating: 0, count: Self.bucketCount)
    }

    deinit { buckets.deallocate() }

    /// Forgets every value.
    func reset() {
        buckets.update(repeating: 0, count: Self.bucketCount)
        count = 0
        max = 0
        sum = 0
    }

    /// Records one latency in ns.
    @inline(__always)
    func add(_ ns: UInt64) {
        buckets[Self.index(of: ns)] &+= 1
        count &+= 1
        sum += Double(ns)
        if ns > max { max = ns }
    }

    /// The bucket a value falls in.
    @inline(__always)
    static func index(of value: UInt64) -> Int {
        if value < UInt64(linearLimit) { return Int(value) }
        let exponent = 63 - value.leadingZeroBitCount
        if exponent > maxExponent { return bucketCount - 1 }
        let sub = Int((value >> UInt64(exponent - subBits)) & UInt64((1 << subBits) - 1))
        return linearLimit + (exponent - 7) << subBits + sub
    }

    /// The midpoint of a bucket, in ns.
    static func midpoint(of index: Int) -> Double {
        if index < linearLimit { return Double(index) }
        let exponent = (index - linearLimit) >> subBits + 7
        let sub = (index - linearLimit) & ((1 << subBits) - 1)
        let width = Double(UInt64(1) << UInt64(exponent - subBits))
        return Double(UInt64(1) << UInt64(exponent)) + Double(sub) * width + width / 2
    }

    /// The value at quantile `q` (0...1) in ns: the midpoint of the bucket holding the ceil(q * count)-th value,
    /// never above the largest value seen. 0 when empty.
    func quantile(_ q: Double) -> Double {
        guard count > 0 else { return 0 }
        let target = Swift.max(1, UInt64((q * Double(count)).rounded(.up)))
        var seen: UInt64 = 0
        for index in 0..<Self.bucketCount {
            seen += buckets[index]
            if seen >= target { return Swift.min(Self.midpoint(of: index), Double(max)) }
        }
        return Double(max)
    }

    /// The mean in ns (0 when empty).
    var mean: Double { count == 0 ? 0 : sum / Double(count) }

    /// The usual summary, in microseconds.
    var summary: LatencySummary {
        LatencySummary(
            p50: quantile(0.5) / 1000, p90: quantile(0.9) / 1000, p99: quantile(0.99) / 1000,
            p999: quantile(0.999) / 1000, max: Double(max) / 1000, mean: mean / 1000, count: count)
    }
}

/// Percentiles of one measurement, in microseconds.
struct LatencySummary {
    /// Median.
    var p50: Double
    /// 90th percentile.
    var p90: Double
    /// 99th percentile.
    var p99: Double
    /// 99.9th percentile.
    var p999: Double
    /// Largest value.
    var max: Double
    /// Arithmetic mean.
    var mean: Double
    /// Number of values behind the figures.
    var count: UInt64
}
