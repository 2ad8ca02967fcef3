import Testing

@testable import LobbyServer

/// `ConnectionLimiter`, `UserLimiter`, `IPConnectionLimiter` and the bounded `LimiterTable` behind them.
@Suite struct RateLimitersTests {
    static let second: UInt64 = 1_000_000_000
    let start: UInt64 = 100 * second

    private func allowed(_ count: Int) -> [TokenBucket.Decision] { Array(repeating: .allowed, count: count) }

    @Test func kindsAreIndependent() {
        var limiter = ConnectionLimiter(limits: .connectionDefaults, now: start)
        let chat = (0..<6).map { _ in limiter.take(.chat, now: start) }
        #expect(chat == allowed(5) + [.limited(retryAfterMs: 500)])
        // Chat is exhausted; the other kinds still have their whole bursts.
        let expected: [(RateLimitKind, Int, Int)] = [(.gameInput, 120, 15), (.roomJoin, 5, 1000), (.presence, 5, 1000),
                                                     (.other, 20, 100)]
        for (kind, burst, retryAfterMs) in expected {
            let decisions = (0...burst).map { _ in limiter.take(kind, now: start) }
            #expect(decisions == allowed(burst) + [.limited(retryAfterMs: retryAfterMs)], "\(kind)")
        }
        // roomJoin and presence take longest to refill: 5 tokens at 1/s.
        #expect(!limiter.isFull(now: start + 4 * Self.second))
        #expect(limiter.isFull(now: start + 5 * Self.second))
    }

    @Test func userLimitsAreSharedAcrossConnectionsAndSeparateBetweenUsers() {
        let users = UserLimiter(limits: RateLimitPolicy.defaults.perUser)
        // Per user, chat is 10 burst / 4 per s, however many connections the user has.
        let alice = (0..<11).map { _ in users.take(user: "alice", .chat, now: start) }
        #expect(alice == allowed(10) + [.limited(retryAfterMs: 250)])
        let others = [users.take(user: "bob", .chat, now: start), users.take(user: "alice", .presence, now: start)]
        #expect(others == allowed(2))
        #expect(users.count == 2)
        // Once every bucket has refilled (10 at 2/s for roomJoin and presence), forgetting users changes nothing.
        let early = users.removeIdle(now: start + 4 * Self.second)
        let late = users.removeIdle(now: start + 5 * Self.second)
        #expect([early, late] == [0, 2])
    }

    @Test func ipLimiterAdmitsABurstThenLimits() {
        var ips = IPConnectionLimiter(limit: RateLimitPolicy.defaults.connectionsPerIP)
        var decisions = (0..<21).map { _ in ips.admit("203.0.113.7", now: start) }
        decisions.append(ips.admit("203.0.113.8", now: start))
        decisions.append(ips.admit("203.0.113.7", now: start + Self.second / 20))
        #expect(decisions == allowed(20) + [.limited(retryAfterMs: 50), .allowed, .allowed])
    }

    @Test func ipTableNeverExceedsItsBound() {
        var ips = IPConnectionLimiter(limit: RateLimit(capacity: 2, refillPerSecond: 1), maxEntries: 1000)
        // 50,000 distinct addresses, 1 µs apart (so none is idle): the table stays within 1000 entries.
        var largest = 0
        var refused = 0
        for i in 0..<50_000 {
            if ips.admit("10.\(i >> 16).\((i >> 8) & 255).\(i & 255)", now: start + UInt64(i) * 1000) != .allowed {
                refused += 1
            }
            largest = max(largest, ips.count)
        }
        #expect(refused == 0)
        #expect(largest == 1000)
        // The most recent addresses are kept, the oldest were evicted.
        #expect(ips.isTracking("10.0.195.79"))  // i = 49_999
        #expect(!ips.isTracking("10.0.0.0"))
    }

    @Test func busyAddressesSurviveEvictionOfTheLeastRecentlyUsed() {
        var ips = IPConnectionLimiter(limit: RateLimit(capacity: 3, refillPerSecond: 0.001), maxEntries: 100)
        var now = start
        for _ in 0..<3 { _ = ips.admit("198.51.100.1", now: now) }
        for i in 0..<1000 {
            now += 1000
            _ = ips.admit("192.0.2.\(i % 250)/\(i)", now: now)
            if i % 50 == 0 { _ = ips.admit("198.51.100.1", now: now) }  // keeps it recently used
        }
        #expect(ips.count <= 100)
        #expect(ips.isTracking("198.51.100.1"))
        // Its bucket was not reset by the churn: still exhausted.
        let decision = ips.admit("198.51.100.1", now: now)
        #expect(decision != .allowed)
    }

    @Test func idleEntriesAreDroppedBeforeRecentOnes() {
        var table = LimiterTable<Int, Int>(maxEntries: 10, idleAfterNs: Self.second)
        for key in 0..<5 { table.update(key, now: start, make: { 0 }) { $0 += 1 } }
        for key in 5..<10 { table.update(key, now: start + 2 * Self.second, make: { 0 }) { $0 += 1 } }
        // Full: the five entries idle for over a second go, nothing recent is touched.
        table.update(10, now: start + 2 * Self.second, make: { 0 }) { $0 += 1 }
        #expect(table.count == 6)
        #expect((0..<5).allSatisfy { !table.contains($0) })
        #expect((5...10).allSatisfy { table.contains($0) })
        let value = table.update(7, now: start + 2 * Self.second, make: { 0 }) { (entry: inout Int) -> Int in
            entry += 1
            return entry
        }
        #expect(value == 2)
    }
}
