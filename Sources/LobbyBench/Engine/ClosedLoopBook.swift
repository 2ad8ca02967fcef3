/// The markers each sender has in flight in closed-loop mode: a sender sends its next message when one of its own
/// markers comes back to it (its echo, or its own copy of a room broadcast). Flat storage, `inflight` slots per
/// sender, allocated once.
final class ClosedLoopBook {
    /// Slots per sender.
    let inflight: Int
    private let senders: Int
    private let seqs: UnsafeMutablePointer<UInt64>
    private let sentNs: UnsafeMutablePointer<UInt64>
    private let counts: UnsafeMutablePointer<Int32>

    /// Room for `inflight` unanswered messages for each of `senders` senders.
    init(senders: Int, inflight: Int) {
        self.senders = Swift.max(1, senders)
        self.inflight = Swift.max(1, inflight)
        let slots = self.senders * self.inflight
        seqs = .allocate(capacity: slots)
        seqs.initialize(repeating: 0, count: slots)
        sentNs = .allocate(capacity: slots)
        sentNs.initialize(repeating: 0, count: slots)
        counts = .allocate(capacity: self.senders)
        counts.initialize(repeating: 0, count: self.senders)
    }

    deinit {
        seqs.deallocate()
        sentNs.deallocate()
        counts.deallocate()
    }

    /// Unanswered messages of `sender`.
    @inline(__always)
    func outstanding(_ sender: Int) -> Int { Int(counts[sender]) }

    /// Unanswered messages of every sender.
    var totalOutstanding: Int {
        var total = 0
        for sender in 0..<senders { total += Int(counts[sender]) }
        return total
    }

    /// Forgets every outstanding message.
    func clear() { counts.update(repeating: 0, count: senders) }

    /// Forgets the outstanding messages of one sender (its connection ended).
    func clear(_ sender: Int) { counts[sender] = 0 }

    /// Notes a message sent by `sender`.
    @inline(__always)
    func sent(_ sender: Int, seq: UInt64, at ns: UInt64) {
        let used = Int(counts[sender])
        guard used < inflight else { return }
        seqs[sender * inflight + used] = seq
        sentNs[sender * inflight + used] = ns
        counts[sender] = Int32(used + 1)
    }

    /// Removes `seq` from `sender`'s outstanding messages; false if it was not one of them.
    @inline(__always)
    func answered(_ sender: Int, seq: UInt64) -> Bool {
        let base = sender * inflight
        let used = Int(counts[sender])
        for slot in 0..<used where seqs[base + slot] == seq {
            removeSlot(sender, slot)
            return true
        }
        return false
    }

    /// Removes every message of `sender` sent before `cutoff`; returns how many.
    func expire(_ sender: Int, sentBefore cutoff: UInt64) -> Int {
        var removed = 0
        var slot = 0
        while slot < Int(counts[sender]) {
            if sentNs[sender * inflight + slot] < cutoff {
                removeSlot(sender, slot)
                removed += 1
            } else {
                slot += 1
            }
        }
        return removed
    }

    /// Moves the last slot into `slot`.
    private func removeSlot(_ sender: Int, _ slot: Int) {
        let base = sender * inflight
        let last = Int(counts[sender]) - 1
        seqs[base + slot] = seqs[base + last]
        sentNs[base + slot] = sentNs[base + last]
        counts[sender] = Int32(last)
    }
}
