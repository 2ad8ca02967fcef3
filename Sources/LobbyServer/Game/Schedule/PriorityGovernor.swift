/// Decides when a real-time game shard must give up its priority and when it may take it back, from how far
/// behind its schedule each tick starts. Pure: the shard applies the decisions (SCHED_FIFO and back).
///
/// A SCHED_FIFO thread that has more work than its period would run without ever sleeping and starve the event
/// loops on its CPU, so nothing would be delivered at all. The governor steps the shard down after
/// `stepDownAfter` consecutive ticks that started `behindTicks` or more periods late, and lets it step up again
/// after `stepUpAfter` consecutive ticks on time.
struct PriorityGovernor: Equatable, Sendable {
    /// What the shard should do after a tick.
    enum Decision: Equatable, Sendable { case stay, stepDown, stepUp }

    /// Periods late that count as behind.
    let behindTicks: UInt64
    /// Consecutive behind ticks before stepping down.
    let stepDownAfter: Int
    /// Consecutive on-time ticks before stepping back up.
    let stepUpAfter: Int
    /// Whether the shard runs at its high priority now.
    private(set) var isRaised: Bool
    private var streak = 0

    /// A governor for a shard that starts raised (or not, when the priority was not granted).
    init(raised: Bool, behindTicks: UInt64 = 2, stepDownAfter: Int = 3, stepUpAfter: Int = 300) {
        isRaised = raised
        self.behindTicks = behindTicks
        self.stepDownAfter = stepDownAfter
        self.stepUpAfter = stepUpAfter
    }

    /// Records a tick that started `ticksBehind` periods late (0 on time).
    mutating func observe(ticksBehind: UInt64) -> Decision {
        let behind = ticksBehind >= behindTicks
        if isRaised {
            streak = behind ? streak + 1 : 0
            guard streak >= stepDownAfter else { return .stay }
            isRaised = false
            streak = 0
            return .stepDown
        }
        streak = behind ? 0 : streak + 1
        guard streak >= stepUpAfter else { return .stay }
        isRaised = true
        streak = 0
        return .stepUp
    }
}
