/// The shape of one token bucket: how many requests may arrive at once (`capacity`) and how fast that
/// allowance comes back (`refillPerSecond`). Written `capacity/refill` in `RATE_LIMITS`, e.g. `5/2`.
struct RateLimit: Sendable, Equatable, CustomStringConvertible {
    /// Largest burst, in tokens (at least 1, so a request of cost 1 can always pass eventually).
    let capacity: Double
    /// Tokens added per second (above 0).
    let refillPerSecond: Double

    /// Creates a limit; `capacity` must be at least 1 and `refillPerSecond` above 0.
    init(capacity: Double, refillPerSecond: Double) {
        precondition(capacity >= 1 && capacity.isFinite, "rate-limit capacity must be at least 1")
        precondition(refillPerSecond > 0 && refillPerSecond.isFinite, "rate-limit refill must be above 0")
        self.capacity = capacity
        self.refillPerSecond = refillPerSecond
    }

    /// This limit with both numbers multiplied by `factor` (per-user limits are twice the per-connection ones).
    func scaled(by factor: Double) -> RateLimit {
        RateLimit(capacity: capacity * factor, refillPerSecond: refillPerSecond * factor)
    }

    /// Nanoseconds an empty bucket takes to fill up: a bucket unused for this long is as good as a new one,
    /// so a table may forget it without changing any decision.
    var fullRefillNanoseconds: UInt64 {
        UInt64((capacity / refillPerSecond * 1e9).rounded(.up))
    }

    /// `capacity/refill`, the `RATE_LIMITS` syntax.
    var description: String { "\(Self.format(capacity))/\(Self.format(refillPerSecond))" }

    /// A number without a trailing `.0` when it is whole.
    private static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
