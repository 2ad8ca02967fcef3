/// A token bucket: starts full with `capacity` tokens, refills continuously at `refillPerSecond`, and each
/// request takes `cost` tokens or is refused with the time until enough will be there.
///
/// Pure: the caller passes monotonic time in nanoseconds (`MonotonicClock.now()` in the server, made-up times
/// in tests). 32 bytes, no allocation.
struct TokenBucket: Sendable {
    /// The outcome of `take`.
    enum Decision: Sendable, Equatable {
        /// The request may proceed; its tokens were taken.
        case allowed
        /// Refused; nothing was taken. Enough tokens will be back in `retryAfterMs` milliseconds (rounded up,
        /// at least 1).
        case limited(retryAfterMs: Int)
    }

    /// Slack for floating-point rounding, so a bucket that is mathematically full enough is not refused.
    private static let epsilon = 1e-9

    /// Capacity and refill rate.
    let limit: RateLimit
    /// Tokens available at `lastRefillNs`.
    private(set) var tokens: Double
    /// When `tokens` was last brought up to date (monotonic nanoseconds).
    private(set) var lastRefillNs: UInt64

    /// A full bucket as of `now`.
    init(_ limit: RateLimit, now: UInt64) {
        self.limit = limit
        tokens = limit.capacity
        lastRefillNs = now
    }

    /// Takes `cost` tokens if there are enough at `now`. A `cost` above the capacity is always refused.
    mutating func take(now: UInt64, cost: Double = 1) -> Decision {
        refill(now: now)
        if tokens + Self.epsilon >= cost {
            tokens = max(0, tokens - cost)
            return .allowed
        }
        let milliseconds = ((cost - tokens) / limit.refillPerSecond * 1000).rounded(.up)
        return .limited(retryAfterMs: Int(min(max(milliseconds, 1), Double(Int32.max))))
    }

    /// Adds the tokens earned since the last refill, up to the capacity. Time going backwards earns nothing.
    mutating func refill(now: UInt64) {
        guard now > lastRefillNs else { return }
        let earned = Double(now - lastRefillNs) / 1e9 * limit.refillPerSecond
        tokens = min(limit.capacity, tokens + earned)
        lastRefillNs = now
    }

    /// Whether the bucket would be full at `now` (so it behaves exactly like a new one).
    func isFull(now: UInt64) -> Bool {
        let earned = now > lastRefillNs ? Double(now - lastRefillNs) / 1e9 * limit.refillPerSecond : 0
        return tokens + earned + Self.epsilon >= limit.capacity
    }
}
