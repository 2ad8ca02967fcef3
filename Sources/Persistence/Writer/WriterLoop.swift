import Foundation
import Synchronization

/// The writer thread's side: takes batches from the inbox, runs them through `WriterBatch`, records statistics
/// and calls completions after COMMIT. Only `inbox` and `statistics` are touched from other threads (both are
/// locked); the backend is used by the writer thread alone, which is what makes the unchecked `Sendable` sound.
final class WriterLoop: @unchecked Sendable {
    /// The queue, shared with submitters.
    let inbox: WriterInbox
    /// The counters, shared with readers of `PersistenceWriter.statistics`.
    let statistics = Mutex(WriterStatistics())
    private let options: PersistenceWriter.Options
    /// The database until `run` takes it; afterwards only the writer thread's local holds it.
    private var backend: (any StorageBackend)?

    /// A loop that will serve `backend` once `run` is called on the writer thread.
    init(backend: sending any StorageBackend, options: PersistenceWriter.Options) {
        self.backend = backend
        self.options = options
        self.inbox = WriterInbox(capacity: options.queueCapacity)
    }

    /// The writer thread's body: adopts the database, serves batches until the inbox is closed and drained, then
    /// releases the database (closing it) before reporting that it has finished.
    func run() {
        if let backend = backend.take() {
            backend.adoptCurrentThread()
            inbox.markStarted()
            serve(backend)
        }
        inbox.markFinished()
    }

    /// Runs batches until the inbox is closed and drained.
    private func serve(_ backend: any StorageBackend) {
        var buffer = WriterJobBuffer()
        let interval = Double(max(0, options.flushIntervalMilliseconds)) / 1000
        let limit = max(1, options.maxBatchJobs)
        while buffer.hasJobs || buffer.refill(from: inbox) {
            let started = ContinuousClock.now
            // With an interval, the batch stays open that long taking jobs as they come; without, it commits as
            // soon as the queue is empty. Either way it commits once it holds `limit` jobs.
            let deadline = interval > 0 ? Date(timeIntervalSinceNow: interval) : nil
            var batch = WriterBatch(backend: backend)
            repeat {
                while batch.jobCount < limit, let job = buffer.next() { batch.run(job) }
            } while batch.jobCount < limit && buffer.refillMore(from: inbox, waitingUntil: deadline)
            let completions = batch.commit()
            record(batch, duration: ContinuousClock.now - started)
            var failed = 0
            for (complete, failure) in completions where !complete(failure) { failed += 1 }
            statistics.withLock { $0.failedJobs += failed }
        }
    }

    /// Adds one batch to the statistics (before its completions run, so whoever they wake sees it counted).
    private func record(_ batch: WriterBatch, duration: Duration) {
        statistics.withLock {
            $0.batches += batch.transactions
            $0.jobs += batch.jobCount
            $0.lastBatchJobs = batch.jobCount
            $0.lastBatchDuration = duration
        }
    }
}
