/// What ``TickSchedule/begin(now:)`` found when a tick started.
struct TickStart: Equatable, Sendable {
    /// The tick's number in its schedule (0 for the first; jumps forward over skipped ticks).
    let index: UInt64
    /// The deadline the tick runs for (after any skip), in nanoseconds.
    let deadlineNs: UInt64
    /// How long after the due deadline (the one before any skip) the tick started, in nanoseconds; 0 when it
    /// started on time or early.
    let latenessNs: UInt64
    /// How many more deadlines had already passed when it started (0 on schedule): the caller runs that many
    /// ticks back to back to catch up, unless they were skipped.
    let ticksBehind: UInt64
    /// Ticks dropped by this start because it was more than ``TickSchedule/maxCatchUp`` periods behind.
    let skipped: UInt64
    /// Nanoseconds since the previous tick of this schedule started (start to start); nil for the first one.
    let sincePreviousStartNs: UInt64?
}
