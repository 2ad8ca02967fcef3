import Testing

@testable import LobbyServer

/// ``TickSchedule``: deadlines without drift, lateness, catching up and skipping.
@Suite struct TickScheduleTests {
    let start: UInt64 = 5_000_000_000
    let period: UInt64 = 16_666_667

    @Test func deadlinesAreStartPlusWholePeriods() {
        let fixed = TickSchedule(periodNs: period, startNs: start)
        #expect(fixed.nextDeadline == start)
        #expect(fixed.deadline(ofTick: 3) == start + 3 * period)
        #expect(fixed.deadline(ofTick: 1_000_000) == start + 1_000_000 * period)
        // Per rate: exactly 1e9 / rate on average, rounded down per deadline.
        let sixty = TickSchedule(ticksPerSecond: 60, startNs: start)
        #expect(sixty.deadline(ofTick: 1) == start + 16_666_666)
        #expect(sixty.deadline(ofTick: 2) == start + 33_333_333)
        #expect(sixty.deadline(ofTick: 60) == start + 1_000_000_000)
        #expect(sixty.deadline(ofTick: 216_000) == start + 3_600_000_000_000)
        #expect(abs(sixty.periodNs - 1e9 / 60) < 1e-6)
    }

    /// A million ticks, each started up to 0.9 ms late and running up to 2 ms: every tick keeps its own
    /// deadline (no drift, nothing skipped), and the mean start-to-start period is the nominal one.
    @Test(arguments: [60, 144]) func aMillionJitteredTicksDoNotDrift(rate: Int) {
        var schedule = TickSchedule(ticksPerSecond: rate, startNs: start)
        var stats = TickStats()
        var random = SplitMix64(seed: UInt64(rate))
        var firstStart: UInt64 = 0
        var lastStart: UInt64 = 0
        var mismatches = 0
        let ticks: UInt64 = 1_000_000
        for index in 0..<ticks {
            let deadline = schedule.nextDeadline
            if deadline != start + index * 1_000_000_000 / UInt64(rate) { mismatches += 1 }
            let jitter = random.next() % 900_000
            let now = deadline + jitter
            let tick = schedule.begin(now: now)
            if tick.index != index || tick.latenessNs != jitter || tick.ticksBehind != 0 { mismatches += 1 }
            let duration = schedule.finish(now: now + random.next() % 2_000_000)
            stats.record(tick, durationNs: duration)
            if index == 0 { firstStart = now }
            lastStart = now
        }
        #expect(mismatches == 0)
        #expect(schedule.nextDeadline == start + ticks * 1_000_000_000 / UInt64(rate))
        #expect(schedule.ticksRun == ticks && schedule.skippedTicks == 0)
        #expect(stats.ticks == ticks && stats.skippedTicks == 0 && stats.lateTicks == 0)
        #expect(stats.periodCount == ticks - 1 && stats.periodSumNs == lastStart - firstStart)
        let mean = stats.meanPeriodNs!
        #expect(abs(mean - 1e9 / Double(rate)) < 1)
        #expect(stats.maxLatenessNs < 900_000)
    }

    @Test func latenessIsMeasuredFromTheDeadlineAndEarlyStartsAreOnTime() {
        var schedule = TickSchedule(periodNs: period, startNs: start)
        let late = schedule.begin(now: start + 300_000)
        #expect(
            late
                == TickStart(
                    index: 0, deadlineNs: start, latenessNs: 300_000, ticksBehind: 0, skipped: 0,
                    sincePreviousStartNs: nil))
        #expect(schedule.finish(now: start + 500_000) == 200_000)
        // The next deadline does not move because the last tick was late.
        #expect(schedule.nextDeadline == start + period)
        let early = schedule.begin(now: start + period - 1_000)
        #expect(early.latenessNs == 0 && early.index == 1 && early.sincePreviousStartNs == period - 301_000)
        schedule.finish(now: start + period)
        #expect(schedule.nextDeadline == start + 2 * period)
    }

    /// A few periods late: the ticks run back to back until the schedule is on time again.
    @Test func aLateScheduleCatchesUpTickByTick() {
        var schedule = TickSchedule(periodNs: period, startNs: start)
        let now = start + 3 * period + period / 2
        var behind: [UInt64] = []
        while schedule.nextDeadline <= now {
            let tick = schedule.begin(now: now)
            behind.append(tick.ticksBehind)
            #expect(tick.skipped == 0 && tick.latenessNs == now - tick.deadlineNs)
            schedule.finish(now: now)
        }
        #expect(behind == [3, 2, 1, 0])
        #expect(schedule.nextDeadline == start + 4 * period && schedule.skippedTicks == 0)
    }

    @Test func exactlyMaxCatchUpBehindIsCaughtUpAndOneMoreIsSkipped() {
        var onEdge = TickSchedule(periodNs: period, startNs: start)
        let edge = onEdge.begin(now: start + 5 * period)
        #expect(edge.ticksBehind == 5 && edge.skipped == 0 && edge.index == 0)

        var over = TickSchedule(periodNs: period, startNs: start)
        let skip = over.begin(now: start + 6 * period)
        #expect(skip.ticksBehind == 6 && skip.skipped == 6 && skip.index == 6)
        #expect(skip.deadlineNs == start + 6 * period && skip.latenessNs == 6 * period)
    }

    /// Far behind (a stall): the missed ticks are skipped and counted; the next deadline is in the future and
    /// still on the original grid.
    @Test func aStallSkipsToTheNextFutureDeadline() {
        var schedule = TickSchedule(ticksPerSecond: 60, startNs: start)
        _ = schedule.begin(now: start)
        schedule.finish(now: start)
        let now = start + 1_000_000_000 + 5_000_000  // a second and 5 ms later
        let tick = schedule.begin(now: now)
        #expect(tick.ticksBehind == 59 && tick.skipped == 59 && tick.index == 60)
        #expect(tick.deadlineNs == start + 1_000_000_000 && tick.latenessNs == now - schedule.deadline(ofTick: 1))
        schedule.finish(now: now + 100_000)
        #expect(schedule.nextDeadline == schedule.deadline(ofTick: 61) && schedule.nextDeadline > now)
        #expect(schedule.skippedTicks == 59 && schedule.ticksRun == 2)
        var stats = TickStats()
        stats.record(tick, durationNs: 100_000)
        #expect(stats.skippedTicks == 59 && stats.lateTicks == 1)
    }

    @Test func theCatchUpLimitIsAParameter() {
        var strict = TickSchedule(periodNs: period, startNs: start, maxCatchUp: 0)
        let tick = strict.begin(now: start + period)
        #expect(tick.skipped == 1 && tick.index == 1)
    }

    @Test func beginningTwiceIsAProgrammingError() async {
        await #expect(processExitsWith: .failure) {
            var schedule = TickSchedule(periodNs: 1_000, startNs: 0)
            _ = schedule.begin(now: 0)
            _ = schedule.begin(now: 1)
        }
    }
}
