/// The inputs of one game as its simulation saw them: every change of a side's input, with the simulation tick
/// it first applies to. Together with the rules and the seed it replays the game exactly (``GameReplay``);
/// pauses leave no trace because only ticks where the simulation steps are counted.
///
/// Entries are in tick order; within one tick at most one per side, left before right. A side's input holds
/// from its entry's tick until its next entry (`.stop` before the first), the way ``GameRoom`` applies them.
/// Stored as the compact bytes of ``encoded()`` (see `GameInputLog+Encoding.swift`).
struct GameInputLog: Equatable, Sendable {
    /// One change of one side's input.
    struct Entry: Equatable, Sendable {
        /// The simulation tick the input first applies to: the value of ``PongSimulation/tick`` just before the
        /// step that first uses it (0 for the very first step).
        let tick: UInt64
        /// Whose input changed.
        let side: PongSide
        /// The new input.
        let input: PaddleInput
    }

    /// The changes, in order.
    private(set) var entries: [Entry] = []

    /// An empty log (both sides `.stop` for the whole game).
    init() {}

    /// Whether `entry` may follow `previous` (later tick, or the same tick with left then right).
    static func isInOrder(_ entry: Entry, after previous: Entry?) -> Bool {
        guard let previous else { return true }
        if entry.tick != previous.tick { return entry.tick > previous.tick }
        return previous.side == .left && entry.side == .right
    }

    /// Records that `side`'s input becomes `input` from simulation tick `tick` on. Entries must come in order
    /// (a programming error otherwise).
    mutating func append(tick: UInt64, side: PongSide, input: PaddleInput) {
        let entry = Entry(tick: tick, side: side, input: input)
        precondition(Self.isInOrder(entry, after: entries.last), "input log entries out of order")
        entries.append(entry)
    }
}
