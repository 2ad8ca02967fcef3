import Testing

@testable import LobbyServer

/// `TokenBucket` with explicit times (nanoseconds).
@Suite struct TokenBucketTests {
    static let second: UInt64 = 1_000_000_000
    static let ms: UInt64 = 1_000_000
    let start: UInt64 = 5 * second

    /// Calls `take` `count` times at `now` and returns the decisions (a mutating call cannot sit inside `#expect`).
    private func take(_ count: Int, from bucket: inout TokenBucket, now: UInt64, cost: Double = 1)
        -> [TokenBucket.Decision] {
        (0..<count).map { _ in bucket.take(now: now, cost: cost) }
    }

    private func allowed(_ count: Int) -> [TokenBucket.Decision] { Array(repeating: .allowed, count: count) }

    @Test func burstThenLimited() {
        var bucket = TokenBucket(RateLimit(capacity: 5, refillPerSecond: 2), now: start)
        let burst = take(5, from: &bucket, now: start)
        #expect(burst == allowed(5))
        // A refusal takes nothing: the wait does not grow.
        let refused = take(2, from: &bucket, now: start)
        #expect(refused == [.limited(retryAfterMs: 500), .limited(retryAfterMs: 500)])
    }

    @Test func retryAfterIsExactToTheMillisecond() {
        var bucket = TokenBucket(RateLimit(capacity: 1, refillPerSecond: 3), now: start)
        var decisions = take(2, from: &bucket, now: start)
        for offset: UInt64 in [100, 333, 334] { decisions += take(1, from: &bucket, now: start + offset * Self.ms) }
        // 1/3 s = 333.33 ms, rounded up; then counting down; allowed exactly when promised.
        #expect(decisions == [.allowed, .limited(retryAfterMs: 334), .limited(retryAfterMs: 234),
                              .limited(retryAfterMs: 1), .allowed])
    }

    @Test func refillsContinuouslyUpToTheCapacity() {
        var bucket = TokenBucket(RateLimit(capacity: 5, refillPerSecond: 2), now: start)
        _ = take(5, from: &bucket, now: start)
        // 1.5 s later: 3 tokens.
        let later = start + 1500 * Self.ms
        let afterRefill = take(4, from: &bucket, now: later)
        #expect(afterRefill == allowed(3) + [.limited(retryAfterMs: 500)])
        // An hour later the bucket holds the capacity, no more.
        let muchLater = later + 3600 * Self.second
        #expect(bucket.isFull(now: muchLater))
        let full = take(6, from: &bucket, now: muchLater)
        #expect(full == allowed(5) + [.limited(retryAfterMs: 500)])
    }

    @Test func sustainedRateMatchesTheRefill() {
        // gameInput: 120 burst, 70/s. Sending 100/s for 10 s: the burst absorbs the excess for a while.
        var bucket = TokenBucket(RateLimit(capacity: 120, refillPerSecond: 70), now: start)
        var allowedCount = 0
        for i in 0..<1000 where bucket.take(now: start + UInt64(i) * 10 * Self.ms) == .allowed { allowedCount += 1 }
        // 120 + 70 tokens/s * 9.99 s = 819.3: exactly 819 pass.
        #expect(allowedCount == 819)
    }

    @Test func costsAboveOneAndTimeGoingBackwards() {
        var bucket = TokenBucket(RateLimit(capacity: 10, refillPerSecond: 1), now: start)
        var decisions = take(1, from: &bucket, now: start, cost: 8)
        decisions += take(1, from: &bucket, now: start, cost: 3)
        decisions += take(1, from: &bucket, now: start - Self.second)  // an earlier clock: no refill, no crash
        decisions += take(1, from: &bucket, now: start, cost: 11)      // more than the capacity
        #expect(decisions == [.allowed, .limited(retryAfterMs: 1000), .allowed, .limited(retryAfterMs: 10_000)])
    }
}
