/// Limits how fast new connections arrive from one client address: one `TokenBucket` per address, in a table
/// bounded to `maxEntries` (100,000 by default) so that a flood from many addresses cannot grow it without
/// limit (see `LimiterTable` for the eviction order).
///
/// Keys are address strings as the caller forms them. Callers should key IPv6 clients by their /64 prefix,
/// since one host commonly holds a whole /64. Owned by one thread (the accepting loop); a value type.
struct IPConnectionLimiter: Sendable {
    /// Default bound on the number of addresses tracked.
    static let defaultMaxEntries = 100_000

    /// The limit each address gets.
    let limit: RateLimit
    private var table: LimiterTable<String, TokenBucket>

    /// An empty table for `limit`, holding at most `maxEntries` addresses.
    init(limit: RateLimit, maxEntries: Int = IPConnectionLimiter.defaultMaxEntries) {
        self.limit = limit
        table = LimiterTable(maxEntries: maxEntries, idleAfterNs: limit.fullRefillNanoseconds)
    }

    /// Addresses tracked now.
    var count: Int { table.count }

    /// Whether `address` has an entry (for tests and diagnostics).
    func isTracking(_ address: String) -> Bool { table.contains(address) }

    /// Counts a new connection from `address` at `now` (monotonic nanoseconds): `.allowed`, or `.limited` and
    /// the connection should be refused (HTTP 429 with `Retry-After`, or closed at accept).
    mutating func admit(_ address: String, now: UInt64) -> TokenBucket.Decision {
        let limit = limit
        return table.update(address, now: now, make: { TokenBucket(limit, now: now) }) { $0.take(now: now) }
    }

    /// Forgets addresses whose buckets have refilled (no decision changes); returns how many.
    @discardableResult
    mutating func removeIdle(now: UInt64) -> Int { table.removeIdle(now: now) }
}
