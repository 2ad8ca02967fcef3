/// The players' fixed-rate input schedule: every player sends once per period, the players' phases spread evenly
/// over it (so 4,000 players at 60/s send one input every ~4 µs rather than all at once). All players share the
/// period, so the order never changes: a cursor walks the players round-robin and the next due time is computed,
/// O(1) per send, no heap.
struct InputSchedule {
    /// The connections that send, in phase order.
    let senders: [Int32]
    /// ns between two inputs of one player.
    let periodNs: Double
    /// Start of the current run of the schedule (ns, monotonic).
    private(set) var originNs: UInt64
    /// Whole periods since `originNs`.
    private(set) var cycle: UInt64 = 0
    /// Position of the next sender in `senders`.
    private(set) var position = 0

    /// A schedule for `senders` at `perSecond` inputs each, starting at `originNs`.
    init(senders: [Int32], perSecond: Double, originNs: UInt64) {
        self.senders = senders
        periodNs = 1e9 / perSecond
        self.originNs = originNs
    }

    /// When the next input is due (ns), or nil when nobody sends.
    var nextDueNs: UInt64? {
        guard !senders.isEmpty else { return nil }
        let periods = Double(cycle) + Double(position) / Double(senders.count)
        return originNs &+ UInt64(periods * periodNs)
    }

    /// The connection whose input is due next.
    var nextSender: Int { Int(senders[position]) }

    /// Moves past the next sender.
    mutating func advance() {
        position += 1
        if position == senders.count {
            position = 0
            cycle += 1
        }
    }

    /// Starts over from `now` with the sender that is next (after the loop fell far behind: no burst of catch-up
    /// sends).
    mutating func restart(at now: UInt64) {
        let offset = UInt64(Double(position) / Double(Swift.max(senders.count, 1)) * periodNs)
        originNs = now &- offset
        cycle = 0
    }
}
