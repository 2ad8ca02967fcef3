/// Per-user rate limits: one `ConnectionLimiter` (with the policy's `perUser` limits) per user id, shared by
/// all of that user's connections.
///
/// Owned by one thread: the owner that sees every request of a user (for instance the loop or dispatcher the
/// user's session is pinned to). It is deliberately not `Sendable`, so the compiler refuses to share it across
/// threads; other threads ask the owner through its inbox. The table is bounded (`LimiterTable`).
final class UserLimiter {
    /// Default bound on the number of users tracked.
    static let defaultMaxEntries = 100_000

    /// The limits each user gets.
    let limits: RateLimitsByKind
    private var table: LimiterTable<String, ConnectionLimiter>

    /// An empty table for `limits`, holding at most `maxEntries` users.
    init(limits: RateLimitsByKind, maxEntries: Int = UserLimiter.defaultMaxEntries) {
        self.limits = limits
        table = LimiterTable(maxEntries: maxEntries, idleAfterNs: limits.longestFullRefillNanoseconds)
    }

    /// Users tracked now.
    var count: Int { table.count }

    /// Takes `cost` from `user`'s bucket for `kind` at `now` (monotonic nanoseconds).
    func take(user: String, _ kind: RateLimitKind, now: UInt64, cost: Double = 1) -> TokenBucket.Decision {
        let limits = limits
        return table.update(user, now: now, make: { ConnectionLimiter(limits: limits, now: now) }) {
            $0.take(kind, now: now, cost: cost)
        }
    }

    /// Forgets users whose buckets have all refilled (no decision changes); returns how many.
    @discardableResult
    func removeIdle(now: UInt64) -> Int { table.removeIdle(now: now) }
}
