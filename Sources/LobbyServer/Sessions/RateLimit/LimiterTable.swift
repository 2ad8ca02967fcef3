/// Limiter state keyed by user id or IP address, with a hard bound on its size.
///
/// Entries unused for `idleAfterNs` (at least the time their buckets take to refill) are as good as new, so
/// forgetting them changes no decision; they are the first to go. If the table is still full of recently used
/// entries (many distinct keys, as an attacker with many addresses can produce) the least recently used tenth is
/// dropped at once: one sort per `maxEntries / 10` insertions keeps the cost per insertion small, and the size
/// never exceeds `maxEntries`. A dropped entry comes back full, which is the unavoidable price of a bound.
struct LimiterTable<Key: Hashable & Sendable, Entry: Sendable>: Sendable {
    /// A stored entry and when it was last used.
    private struct Slot: Sendable {
        var entry: Entry
        var lastUsedNs: UInt64
    }

    private var slots: [Key: Slot] = [:]
    /// The most entries ever held.
    let maxEntries: Int
    /// After this long unused an entry is equivalent to a new one.
    let idleAfterNs: UInt64

    /// An empty table holding at most `maxEntries` (at least 1).
    init(maxEntries: Int, idleAfterNs: UInt64) {
        precondition(maxEntries >= 1, "a limiter table needs room for one entry")
        self.maxEntries = maxEntries
        self.idleAfterNs = idleAfterNs
    }

    /// Entries held now.
    var count: Int { slots.count }

    /// Whether `key` has an entry.
    func contains(_ key: Key) -> Bool { slots[key] != nil }

    /// Runs `body` on the entry for `key`, creating it with `make` (making room first if the table is full),
    /// and marks it used at `now`.
    mutating func update<Result>(_ key: Key, now: UInt64, make: () -> Entry,
                                 _ body: (inout Entry) -> Result) -> Result {
        if slots[key] == nil {
            if slots.count >= maxEntries { makeRoom(now: now) }
            slots[key] = Slot(entry: make(), lastUsedNs: now)
        }
        return withSlot(key) { slot in
            slot.lastUsedNs = max(slot.lastUsedNs, now)
            return body(&slot.entry)
        }
    }

    /// Drops every entry unused for `idleAfterNs` at `now`; returns how many. Owners may call it from a
    /// periodic sweep to give memory back between bursts.
    @discardableResult
    mutating func removeIdle(now: UInt64) -> Int {
        let before = slots.count
        slots = slots.filter { now < $0.value.lastUsedNs || now - $0.value.lastUsedNs < idleAfterNs }
        return before - slots.count
    }

    /// Makes room for one more entry: idle ones first, then the least recently used tenth.
    private mutating func makeRoom(now: UInt64) {
        removeIdle(now: now)
        let target = maxEntries - max(1, maxEntries / 10)
        guard slots.count > target else { return }
        let times = slots.values.map(\.lastUsedNs).sorted()
        let cutoff = times[slots.count - target - 1]
        slots = slots.filter { $0.value.lastUsedNs > cutoff }
    }

    /// In-place access to an existing slot.
    private mutating func withSlot<Result>(_ key: Key, _ body: (inout Slot) -> Result) -> Result {
        body(&slots[key]!)
    }
}
