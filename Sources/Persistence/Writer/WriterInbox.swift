import Foundation

/// The writer's queue: a bounded multi-producer array under one lock, with a condition variable that wakes the
/// writer thread (`NSCondition` is a pthread mutex plus condition). Producers wake it only when the writer is
/// waiting, so a burst of submissions costs one wake-up; the writer takes everything queued in one swap of arrays
/// (its emptied array, capacity kept, becomes the new queue). The lock is never held while a job runs.
/// Also carries the writer thread's lifecycle (started, finished), under the same lock.
final class WriterInbox: @unchecked Sendable {
    /// The most jobs the queue holds; `push` beyond it fails with `overloaded` (habit 5: bounded, refuse at once).
    let capacity: Int
    private let condition = NSCondition()
    private var queue: [WriterJob] = []
    private var isClosed = false
    private var writerIsWaiting = false
    private var rejected = 0
    private var writerThread: pthread_t?
    private var isFinished = false

    /// An empty inbox holding at most `capacity` jobs.
    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// Queues `job` from any thread, waking the writer if it waits.
    func push(_ job: WriterJob) throws(PersistenceWriterError) {
        condition.lock()
        defer { condition.unlock() }
        guard !isClosed else { throw .closed }
        guard queue.count < capacity else {
            rejected += 1
            throw .overloaded(capacity: capacity)
        }
        queue.append(job)
        // broadcast, not signal: a thread in waitUntilFinished shares the condition and must not eat the wake-up.
        if writerIsWaiting { condition.broadcast() }
    }

    /// Writer thread: waits until jobs are queued, then moves them all into `jobs` (which must be empty). Returns
    /// false once the inbox is closed and empty: everything queued before `close` is still handed out.
    func waitForJobs(into jobs: inout [WriterJob]) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty && !isClosed { _ = wait(until: nil) }
        guard !queue.isEmpty else { return false }
        swap(&queue, &jobs)
        return true
    }

    /// Writer thread: moves whatever is queued into `jobs` (which must be empty). With a `deadline`, waits for
    /// jobs until then (not after `close`); without one, does not wait. Returns false when it found nothing.
    func takeMore(into jobs: inout [WriterJob], waitingUntil deadline: Date?) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        if let deadline {
            while queue.isEmpty && !isClosed && wait(until: deadline) {}
        }
        guard !queue.isEmpty else { return false }
        swap(&queue, &jobs)
        return true
    }

    /// Refuses further jobs and wakes the writer so it drains the queue and stops.
    func close() {
        condition.lock()
        isClosed = true
        condition.broadcast()
        condition.unlock()
    }

    /// Jobs waiting and submissions refused so far.
    var counts: (queued: Int, rejected: Int) {
        condition.lock()
        defer { condition.unlock() }
        return (queue.count, rejected)
    }

    /// Writer thread: records itself as the writer (before serving any job).
    func markStarted() {
        condition.lock()
        writerThread = pthread_self()
        condition.unlock()
    }

    /// Whether the calling thread is the writer thread.
    var isWriterThread: Bool {
        condition.lock()
        defer { condition.unlock() }
        return writerThread.map { pthread_equal($0, pthread_self()) != 0 } ?? false
    }

    /// Writer thread: records that it has stopped and released the database.
    func markFinished() {
        condition.lock()
        isFinished = true
        condition.broadcast()
        condition.unlock()
    }

    /// Blocks until the writer thread has stopped.
    func waitUntilFinished() {
        condition.lock()
        while !isFinished { condition.wait() }
        condition.unlock()
    }

    /// Lock held: waits for a signal (or until `deadline`); false when the deadline passed.
    private func wait(until deadline: Date?) -> Bool {
        writerIsWaiting = true
        defer { writerIsWaiting = false }
        guard let deadline else {
            condition.wait()
            return true
        }
        return condition.wait(until: deadline)
    }
}
