/// Decides when a connection that keeps hitting its rate limits should be closed (with 1008, policy
/// violation, RFC 6455 section 7.4.1) instead of being answered with one more `rate_limited` error.
///
/// The rule: `threshold` limited requests within any `windowNs` span. The last `threshold` rejection times are
/// kept in a ring, allocated on the first rejection (a connection that is never limited costs nothing), so
/// the window slides exactly. Allowed requests do not reset the count: a client sending at many times its
/// rate gets a few requests through after every refill, and must still be closed.
struct AbuseTracker: Sendable {
    /// Default number of limited requests that closes the connection.
    static let defaultThreshold = 20
    /// Default window: 10 seconds.
    static let defaultWindowNs: UInt64 = 10_000_000_000

    /// Limited requests within `windowNs` that close the connection.
    let threshold: Int
    /// The span the rejections are counted over, in nanoseconds.
    let windowNs: UInt64
    /// Times of the most recent rejections (at most `threshold`).
    private var times: [UInt64] = []
    /// When `times` is full: the slot of the oldest rejection, overwritten next.
    private var oldest = 0

    /// A tracker closing after `threshold` (at least 1) limited requests within `windowNs`.
    init(threshold: Int = AbuseTracker.defaultThreshold, windowNs: UInt64 = AbuseTracker.defaultWindowNs) {
        precondition(threshold >= 1, "the abuse threshold must be at least 1")
        self.threshold = threshold
        self.windowNs = windowNs
    }

    /// Records a limited request at `now` (monotonic nanoseconds); true when the connection should be closed
    /// now because `threshold` of them fell within the window.
    mutating func recordLimited(now: UInt64) -> Bool {
        if times.count < threshold {
            if times.isEmpty { times.reserveCapacity(threshold) }
            times.append(now)
            guard times.count == threshold else { return false }
            return now - min(now, times[0]) < windowNs
        }
        times[oldest] = now
        oldest = (oldest + 1) % threshold
        // The slot after the newest now holds the oldest of the last `threshold` rejections.
        return now - min(now, times[oldest]) < windowNs
    }

    /// Records an allowed request at `now`. It does not forgive recent rejections (see the type's note); it
    /// releases the rejection history once all of it is older than the window, so a connection limited once
    /// long ago holds no memory for it.
    mutating func recordAllowed(now: UInt64) {
        guard let newest = newestRejection, now >= newest, now - newest >= windowNs else { return }
        times = []
        oldest = 0
    }

    /// Rejections currently remembered (at most `threshold`).
    var recordedCount: Int { times.count }

    /// The time of the latest recorded rejection.
    private var newestRejection: UInt64? {
        guard !times.isEmpty else { return nil }
        return times.count < threshold ? times.last : times[(oldest + threshold - 1) % threshold]
    }
}
