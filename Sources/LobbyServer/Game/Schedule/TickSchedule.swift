/// A fixed-step schedule on a monotonic nanosecond clock (the caller reads the clock and passes `now`).
///
/// Tick `k`'s deadline is `startNs + floor(k * period)`, computed from `k` each time rather than by adding the
/// period to the previous deadline, so deadlines never drift however late ticks run; with
/// ``init(ticksPerSecond:startNs:maxCatchUp:)`` the period is exactly `1e9 / rate` on average even when that is
/// not a whole number of nanoseconds (16,666,666.67 ns at 60 per second).
///
/// The owner's loop: sleep until ``nextDeadline``, ``begin(now:)``, run the tick, ``finish(now:)``. A tick that
/// starts late leaves the next deadline where it was, so the following ticks run back to back until the schedule
/// has caught up; a tick that starts more than ``maxCatchUp`` periods late gives up on the missed ticks
/// instead: it runs for the latest passed deadline and counts the others as skipped, so the next deadline lies
/// in the future again.
struct TickSchedule: Equatable, Sendable {
    /// The default ``maxCatchUp``.
    static let defaultMaxCatchUp: UInt64 = 5

    /// The first tick's deadline.
    let startNs: UInt64
    /// The most periods a tick may start behind and still be caught up with rather than skipped.
    let maxCatchUp: UInt64
    /// The period is `periodNumeratorNs / periodDenominator` nanoseconds.
    private let periodNumeratorNs: UInt64
    /// See ``periodNumeratorNs``.
    private let periodDenominator: UInt64
    /// The number of the next tick to run.
    private(set) var nextTick: UInt64 = 0
    /// Ticks begun so far.
    private(set) var ticksRun: UInt64 = 0
    /// Ticks skipped so far.
    private(set) var skippedTicks: UInt64 = 0
    /// When the current tick began (nil between ticks).
    private var currentStartNs: UInt64?
    /// When the previous tick began.
    private var previousStartNs: UInt64?

    /// A schedule of `periodNs` (at least 1) whose first deadline is `startNs`.
    init(periodNs: UInt64, startNs: UInt64, maxCatchUp: UInt64 = defaultMaxCatchUp) {
        precondition(periodNs > 0, "a tick period must be positive")
        self.init(numerator: periodNs, denominator: 1, startNs: startNs, maxCatchUp: maxCatchUp)
    }

    /// A schedule of `ticksPerSecond` (1...1e9) ticks per second whose first deadline is `startNs`.
    init(ticksPerSecond: Int, startNs: UInt64, maxCatchUp: UInt64 = defaultMaxCatchUp) {
        precondition((1...1_000_000_000).contains(ticksPerSecond), "a tick rate must be in 1...1e9")
        self.init(
            numerator: 1_000_000_000, denominator: UInt64(ticksPerSecond), startNs: startNs, maxCatchUp: maxCatchUp)
    }

    private init(numerator: UInt64, denominator: UInt64, startNs: UInt64, maxCatchUp: UInt64) {
        periodNumeratorNs = numerator
        periodDenominator = denominator
        self.startNs = startNs
        self.maxCatchUp = maxCatchUp
    }

    /// The mean period, in nanoseconds.
    var periodNs: Double { Double(periodNumeratorNs) / Double(periodDenominator) }

    /// The deadline of the next tick to run.
    var nextDeadline: UInt64 { deadline(ofTick: nextTick) }

    /// Tick `index`'s deadline: `startNs + floor(index * period)`.
    func deadline(ofTick index: UInt64) -> UInt64 {
        let product = index.multipliedFullWidth(by: periodNumeratorNs)
        return startNs + periodDenominator.dividingFullWidth(product).quotient
    }

    /// A tick starts at `now`: measures how late it is and, when more than ``maxCatchUp`` periods behind, skips
    /// to the latest passed deadline. Must alternate with ``finish(now:)``.
    mutating func begin(now: UInt64) -> TickStart {
        precondition(currentStartNs == nil, "TickSchedule.begin called twice without finish")
        let due = nextDeadline
        var behind: UInt64 = 0
        var skipped: UInt64 = 0
        if now >= deadline(ofTick: nextTick + 1) {
            behind = latestTick(dueAt: now) - nextTick
            if behind > maxCatchUp {
                skipped = behind
                skippedTicks += behind
                nextTick += behind
            }
        }
        let start = TickStart(
            index: nextTick, deadlineNs: nextDeadline, latenessNs: now >= due ? now - due : 0, ticksBehind: behind,
            skipped: skipped, sincePreviousStartNs: previousStartNs.map { now >= $0 ? now - $0 : 0 })
        currentStartNs = now
        previousStartNs = now
        ticksRun += 1
        return start
    }

    /// The tick that began last ended at `now`: the next deadline is one period after its deadline. Returns how
    /// long the tick ran, in nanoseconds.
    @discardableResult
    mutating func finish(now: UInt64) -> UInt64 {
        guard let began = currentStartNs else { preconditionFailure("TickSchedule.finish called without begin") }
        currentStartNs = nil
        nextTick += 1
        return now >= began ? now - began : 0
    }

    /// The highest tick number whose deadline is at or before `now` (`now` is at least ``startNs``).
    private func latestTick(dueAt now: UInt64) -> UInt64 {
        let elapsed = (now - startNs).multipliedFullWidth(by: periodDenominator)
        // floor(elapsed / period) is at most one off the answer because deadlines are rounded down.
        var tick = periodNumeratorNs.dividingFullWidth(elapsed).quotient
        while deadline(ofTick: tick + 1) <= now { tick += 1 }
        while tick > 0 && deadline(ofTick: tick) > now { tick -= 1 }
        return tick
    }
}
