import Testing

@testable import LobbyServer

/// ``TickStats`` and ``TickHistogram``: buckets, counters and merging shards.
@Suite struct TickScheduleStatsTests {
    /// A tick start with these numbers.
    static func start(lateness: UInt64, skipped: UInt64 = 0, period: UInt64? = 16_666_667) -> TickStart {
        TickStart(
            index: 0, deadlineNs: 0, latenessNs: lateness, ticksBehind: skipped, skipped: skipped,
            sincePreviousStartNs: period)
    }

    @Test func theBucketsAreTheMetricsOnesAndBoundsAreInclusive() {
        #expect(TickHistogram.boundsNs.count == 16 && TickHistogram.labels.count == 17)
        for (bound, label) in zip(TickHistogram.boundsNs, TickHistogram.labels) {
            #expect(abs(Double(label)! * 1e9 - Double(bound)) < 1e-3, "\(label)")
        }
        #expect(TickHistogram.labels.last == "+Inf")
        var histogram = TickHistogram()
        for value: UInt64 in [0, 10_000, 10_001, 999_999, 1_000_000, 1_000_001, 100_000_000, 100_000_001, .max / 4] {
            histogram.record(value)
        }
        var expected = [UInt64](repeating: 0, count: 17)
        expected[0] = 2  // 0, 10 µs
        expected[1] = 1  // 10.001 µs
        expected[7] = 2  // 999.999 µs, 1 ms
        expected[8] = 1  // 1.000001 ms
        expected[15] = 1  // 100 ms
        expected[16] = 2  // beyond
        #expect(histogram.counts == expected)
        #expect(histogram.count == 9 && histogram.cumulativeCounts.last == 9)
        #expect(histogram.cumulativeCounts == [2, 3, 3, 3, 3, 3, 3, 5, 6, 6, 6, 6, 6, 6, 6, 7, 9])
    }

    @Test func recordingCountsLateSkippedAndPeriods() {
        var stats = TickStats()
        #expect(stats.meanPeriodNs == nil)
        stats.record(Self.start(lateness: 20_000, period: nil), durationNs: 400_000)
        stats.record(Self.start(lateness: 1_000_000), durationNs: 300_000)  // exactly 1 ms: not late
        stats.record(Self.start(lateness: 1_000_001, skipped: 0, period: 17_000_000), durationNs: 2_500_000)
        stats.record(Self.start(lateness: 120_000_000, skipped: 7, period: 130_000_000), durationNs: 50)
        #expect(stats.ticks == 4 && stats.lateTicks == 2 && stats.skippedTicks == 7)
        #expect(stats.maxLatenessNs == 120_000_000)
        #expect(stats.periodCount == 3 && stats.periodSumNs == 16_666_667 + 17_000_000 + 130_000_000)
        #expect(stats.meanPeriodNs == Double(16_666_667 + 17_000_000 + 130_000_000) / 3)
        #expect(stats.lateness.count == 4 && stats.lateness.sumNs == 20_000 + 1_000_000 + 1_000_001 + 120_000_000)
        #expect(stats.lateness.counts[16] == 1)
        #expect(stats.duration.count == 4 && stats.duration.sumNs == 400_000 + 300_000 + 2_500_000 + 50)
        #expect(stats.duration.counts[0] == 1 && stats.duration.counts[10] == 1)
        #expect(abs(stats.duration.sumSeconds - 0.00320005) < 1e-12)
    }

    /// Merging shards' stats is the same as one shard having recorded every tick.
    @Test func mergingEqualsRecordingEverythingInOnePlace() {
        var random = SplitMix64(seed: 4)
        var shards = [TickStats](repeating: TickStats(), count: 3)
        var everything = TickStats()
        for round in 0..<3_000 {
            let tick = Self.start(
                lateness: random.next() % 3_000_000, skipped: random.next() % 50 == 0 ? 6 : 0,
                period: round % 100 == 0 ? nil : 16_000_000 + random.next() % 1_000_000)
            let duration = random.next() % 5_000_000
            shards[round % 3].record(tick, durationNs: duration)
            everything.record(tick, durationNs: duration)
        }
        var merged = TickStats()
        for shard in shards { merged.merge(shard) }
        // Everything but jitter, which follows each shard's own sequence of ticks (checked below).
        #expect(merged.ticks == everything.ticks && merged.lateTicks == everything.lateTicks)
        #expect(merged.skippedTicks == everything.skippedTicks && merged.maxLatenessNs == everything.maxLatenessNs)
        #expect(merged.lateness == everything.lateness && merged.duration == everything.duration)
        #expect(merged.periodSumNs == everything.periodSumNs && merged.periodCount == everything.periodCount)
        var jitter = TickHistogram()
        for shard in shards { jitter.merge(shard.jitter) }
        #expect(merged.jitter == jitter)
        #expect(merged.ticks == 3_000 && merged.lateTicks > 0 && merged.skippedTicks > 0)
    }

    @Test func jitterIsTheChangeInLatenessBetweenConsecutiveTicks() {
        var stats = TickStats()
        // The first tick of a schedule has no previous one: no jitter sample.
        stats.record(Self.start(lateness: 40_000, period: nil), durationNs: 1)
        #expect(stats.jitter.count == 0)
        // 40 µs -> 300 µs -> 20 µs: periods 260 µs long and 280 µs short of nominal.
        stats.record(Self.start(lateness: 300_000), durationNs: 1)
        stats.record(Self.start(lateness: 20_000), durationNs: 1)
        #expect(stats.jitter.count == 2)
        #expect(stats.jitter.sumNs == 260_000 + 280_000)
        // A rebuilt schedule (after idling) starts over: no sample across the gap.
        stats.record(Self.start(lateness: 5_000_000, period: nil), durationNs: 1)
        #expect(stats.jitter.count == 2)
        var merged = TickStats()
        merged.merge(stats)
        #expect(merged.jitter == stats.jitter)
    }
}
