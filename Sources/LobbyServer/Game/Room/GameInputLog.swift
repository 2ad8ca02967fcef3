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

    /// The log in its stored form (`GameInputLog+Encoding.swift`), kept as it grows: a target change takes ten
    /// bytes and a direction change two, against 32 for an ``Entry``, and the record needs no encoding step.
    private(set) var bytes: [UInt8] = [GameInputLog.formatVersion]
    /// The last entry's tick and side (nil before any), for the order check and the next tick delta.
    private(set) var last: (tick: UInt64, side: PongSide)?
    /// How many entries the log holds.
    private(set) var count = 0

    /// An empty log (both sides `.stop` for the whole game).
    init() {}

    /// Whether an entry at `tick` for `side` may follow `previous` (later tick, or the same tick with left then
    /// right).
    static func isInOrder(tick: UInt64, side: PongSide, after previous: (tick: UInt64, side: PongSide)?) -> Bool {
        guard let previous else { return true }
        if tick != previous.tick { return tick > previous.tick }
        return previous.side == .left && side == .right
    }

    /// Records that `side`'s input becomes `input` from simulation tick `tick` on. Entries must come in order
    /// (a programming error otherwise).
    mutating func append(tick: UInt64, side: PongSide, input: PaddleInput) {
        precondition(Self.isInOrder(tick: tick, side: side, after: last), "input log entries out of order")
        Self.appendEntry(tick - (last?.tick ?? 0), side: side, input: input, to: &bytes)
        last = (tick, side)
        count += 1
    }

    /// The changes, in order (decoded from ``bytes``: call once, not per tick).
    var entries: [Entry] {
        // The bytes were written by `append` or checked by `init(decoding:)`, so they always decode.
        (try? Self.decodeEntries(bytes)) ?? []
    }

    static func == (lhs: GameInputLog, rhs: GameInputLog) -> Bool { lhs.bytes == rhs.bytes }
}
