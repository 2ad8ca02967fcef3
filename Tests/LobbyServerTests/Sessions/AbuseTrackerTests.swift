import Testing

@testable import LobbyServer

/// `AbuseTracker`: close after `threshold` limited requests within the window, exactly.
@Suite struct AbuseTrackerTests {
    static let second: UInt64 = 1_000_000_000
    let start: UInt64 = 50 * second

    /// Records rejections at the given offsets from `start` and returns the answers.
    private func record(_ tracker: inout AbuseTracker, at offsets: [UInt64]) -> [Bool] {
        offsets.map { tracker.recordLimited(now: start + $0) }
    }

    @Test func closesOnTheTwentiethRejectionWithinTenSeconds() {
        var tracker = AbuseTracker()
        let answers = record(&tracker, at: (0..<20).map { UInt64($0) * 100_000_000 })
        #expect(answers == Array(repeating: false, count: 19) + [true])
    }

    @Test func theWindowSlides() {
        var tracker = AbuseTracker(threshold: 3, windowNs: 10 * Self.second)
        // 0, 6, 10 s span exactly the window (not within it); 6, 10, 12 s do.
        let answers = record(&tracker, at: [0, 6, 10, 12].map { $0 * Self.second })
        #expect(answers == [false, false, false, true])
    }

    @Test func aSlowTrickleIsNeverClosed() {
        var tracker = AbuseTracker()
        // One rejection every 600 ms: any 20 of them span 11.4 s.
        let answers = record(&tracker, at: (0..<200).map { UInt64($0) * 600_000_000 })
        #expect(!answers.contains(true))
    }

    @Test func allowedRequestsDoNotResetTheCountButFreeOldHistory() {
        var tracker = AbuseTracker(threshold: 4, windowNs: Self.second)
        var answers: [Bool] = []
        for i: UInt64 in 0..<4 {
            answers += record(&tracker, at: [i * 1000])
            tracker.recordAllowed(now: start + i * 1000 + 500)
        }
        #expect(answers == [false, false, false, true])
        tracker.recordAllowed(now: start + Self.second / 2)
        #expect(tracker.recordedCount == 4)
        tracker.recordAllowed(now: start + 3000 + Self.second)
        #expect(tracker.recordedCount == 0)
        let later = record(&tracker, at: [3 * Self.second])
        #expect(later == [false])
    }

    @Test func thresholdOfOneClosesImmediately() {
        var tracker = AbuseTracker(threshold: 1, windowNs: Self.second)
        let answers = record(&tracker, at: [0])
        #expect(answers == [true])
    }
}
