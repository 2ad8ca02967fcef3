/// A fixed delay of N ticks for a stream of per-tick items (spectator frames): push one item (or nil for an
/// empty tick) every tick and get back the one pushed N ticks earlier. A ring buffer of N slots allocated once,
/// so a push never allocates; N = 0 passes every item straight through.
struct DelayLine<Item> {
    /// The delay, in ticks (pushes).
    let delayTicks: Int
    /// The last `delayTicks` pushes, oldest at `next`.
    private var slots: [Item?]
    /// The slot the next push replaces (the oldest item).
    private var next = 0

    /// An empty line delaying by `delayTicks` (0 or more) ticks.
    init(delayTicks: Int) {
        precondition(delayTicks >= 0, "a delay cannot be negative")
        self.delayTicks = delayTicks
        slots = Array(repeating: nil, count: delayTicks)
    }

    /// This tick's item in (nil: none); out comes the item pushed `delayTicks` pushes ago (nil if that tick had
    /// none, or the line has not been running that long).
    mutating func push(_ item: Item?) -> Item? {
        guard delayTicks > 0 else { return item }
        let out = slots[next]
        slots[next] = item
        next = next + 1 == delayTicks ? 0 : next + 1
        return out
    }

    /// Empties the line, returning the items still waiting, oldest first (a game ended: spectators get the rest
    /// at once).
    mutating func drain() -> [Item] {
        var items: [Item] = []
        for offset in 0..<delayTicks {
            let index = (next + offset) % delayTicks
            if let item = slots[index] { items.append(item) }
            slots[index] = nil
        }
        next = 0
        return items
    }
}

extension DelayLine: Sendable where Item: Sendable {}
