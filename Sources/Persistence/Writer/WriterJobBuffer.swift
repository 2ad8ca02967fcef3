import Foundation

/// The jobs the writer thread has taken from the inbox and not run yet. It refills by swapping arrays with the
/// inbox (so its emptied array, capacity kept, becomes the inbox's next queue) and hands jobs out one at a time,
/// so a batch can stop at `maxBatchJobs` and leave the rest, still in order, for the next one.
struct WriterJobBuffer {
    private var jobs: [WriterJob] = []
    private var position = 0

    /// An empty buffer.
    init() {
        jobs.reserveCapacity(1024)
    }

    /// Whether jobs are left from the last refill.
    var hasJobs: Bool { position < jobs.count }

    /// The next job, or nil when the buffer is used up.
    mutating func next() -> WriterJob? {
        guard position < jobs.count else { return nil }
        defer { position += 1 }
        return jobs[position]
    }

    /// Used up: waits for the inbox's next jobs. False once the inbox is closed and drained.
    mutating func refill(from inbox: WriterInbox) -> Bool {
        reset()
        return inbox.waitForJobs(into: &jobs)
    }

    /// Used up: takes whatever the inbox holds, waiting until `deadline` when one is given. False when none came.
    mutating func refillMore(from inbox: WriterInbox, waitingUntil deadline: Date?) -> Bool {
        reset()
        return inbox.takeMore(into: &jobs, waitingUntil: deadline)
    }

    /// Empties the array (keeping its capacity for the swap).
    private mutating func reset() {
        precondition(!hasJobs, "refilling a buffer that still holds jobs would reorder them")
        jobs.removeAll(keepingCapacity: true)
        position = 0
    }
}
