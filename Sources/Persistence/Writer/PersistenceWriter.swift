import Foundation

/// The single persistence thread (STYLE.md habit 4): it owns the database, and every read and write of the
/// stores runs there, in submission order, as a job.
///
/// Other threads `submit` jobs into a bounded inbox. The writer drains everything queued and runs it as one batch
/// in ONE transaction, each job inside its own savepoint, then COMMITs and only then calls the completions (on the
/// writer thread; callers re-post to their own thread). So a burst of 1,000 chat messages costs one commit (one
/// fsync with `synchronous = FULL`), a failing job rolls back alone, and nothing is acknowledged before it is
/// durable. Reads use the same queue: simple, ordered after earlier writes, consistent.
///
/// Crash window: with `flushIntervalMilliseconds == 0` (the default) a batch commits as soon as the queue is
/// drained. Since completions follow the COMMIT, a crash never loses an acknowledged job: it loses only jobs still
/// queued or in the uncommitted batch, whose submitters have not been answered. With an interval, the batch stays
/// open that long collecting jobs, so a crash loses at most the jobs of the last interval (again, none of them
/// acknowledged), in exchange for fewer, larger commits and up to that much more latency, reads included. How
/// durable a COMMIT is against power loss is `SQLiteStorage.Synchronous` (FULL by default for the writer).
/// `close()` drains and commits everything queued, so a clean restart loses nothing.
public final class PersistenceWriter: Sendable {
    /// Tuning.
    public struct Options: Sendable {
        /// How long a batch stays open collecting jobs; 0 commits as soon as the queue is drained.
        public var flushIntervalMilliseconds = 0
        /// The most jobs the queue holds; `submit` fails with `overloaded` beyond it.
        public var queueCapacity = 100_000
        /// The most jobs in one batch: it commits once it holds this many, bounding a batch's latency (and the
        /// completions it holds back) under a steady flood. The rest wait, in order, for the next batch.
        public var maxBatchJobs = 10_000
        /// The writer thread's name (seen in `top -H` and debuggers).
        public var threadName = "lobby-persistence"

        /// The defaults: commit on drain, 100,000 queued jobs, 10,000 jobs per batch.
        public init() {}
    }

    /// The writer thread's loop and the shared queue.
    private let loop: WriterLoop

    /// Starts the writer thread on `backend`, which the thread takes over (no other thread may use it after).
    public init(backend: sending any StorageBackend, options: Options = Options()) {
        loop = WriterLoop(backend: backend, options: options)
        let thread = Thread { [loop] in loop.run() }
        thread.name = options.threadName
        thread.start()
    }

    /// Opens the SQLite database at `path` (creating it), applies the migrations in `migrationsDirectory`, and
    /// starts a writer on it. See `SQLiteStorage` for `synchronous`.
    public static func open(
        path: String, migrationsDirectory: URL, synchronous: SQLiteStorage.Synchronous = .full,
        options: Options = Options()
    ) throws -> PersistenceWriter {
        let storage = try SQLiteStorage.open(
            path: path, migrationsDirectory: migrationsDirectory, synchronous: synchronous)
        return PersistenceWriter(backend: storage, options: options)
    }

    /// A writer on the in-memory twin (`InMemoryStorage`): same behaviour, nothing survives the process.
    public static func inMemory(options: Options = Options()) -> PersistenceWriter {
        PersistenceWriter(backend: InMemoryStorage(), options: options)
    }

    /// Stops the writer if `close()` was never called: it still drains and commits what is queued, but nobody
    /// waits for it.
    deinit {
        loop.inbox.close()
    }

    /// Queues `job` from any thread. It runs on the writer thread inside its own savepoint; `completion` is
    /// called on the writer thread after the batch's COMMIT with the job's value, the job's error, or a
    /// `PersistenceWriterError.batchFailed`/`.batchRolledBack` when its changes were not kept. Completions must be
    /// quick (post to the caller's inbox) and must not call `close()` or `submitAndWait`. Throws at once, and then
    /// never calls `completion`, when the queue is full (`overloaded`) or the writer is closed (`closed`).
    public func submit<T: Sendable>(
        _ job: @escaping @Sendable (Stores) throws -> T,
        completion: @escaping @Sendable (Result<T, any Error>) -> Void
    ) throws(PersistenceWriterError) {
        try loop.inbox.push(
            WriterJob(
                run: { backend in
                    let result = Result<T, any Error> { try backend.isolated { try job(backend.stores) } }
                    return { batchFailure in
                        if case .success = result, let batchFailure {
                            completion(.failure(batchFailure))
                            return false
                        }
                        completion(result)
                        if case .success = result { return true } else { return false }
                    }
                },
                reject: { completion(.failure($0)) }))
    }

    /// Submits `job` and blocks until it has committed; returns its value or throws its error. For startup,
    /// shutdown and tests: never call it on an event loop or on the writer thread (it would wait for itself).
    public func submitAndWait<T: Sendable>(_ job: @escaping @Sendable (Stores) throws -> T) throws -> T {
        precondition(!loop.inbox.isWriterThread, "submitAndWait on the writer thread would wait for itself")
        let done = DispatchSemaphore(value: 0)
        let box = ResultBox<T>()
        try submit(job) { result in
            box.result = result
            done.signal()
        }
        done.wait()
        return try box.result!.get()
    }

    /// Refuses new jobs, runs and commits everything already queued, stops the writer thread and closes the
    /// database; returns when all of that is done. Idempotent. Must not be called on the writer thread.
    public func close() {
        precondition(!loop.inbox.isWriterThread, "close() on the writer thread would wait for itself")
        loop.inbox.close()
        loop.inbox.waitUntilFinished()
    }

    /// A snapshot of the counters (batches, jobs, last batch duration, queue depth, ...).
    public var statistics: WriterStatistics {
        var snapshot = loop.statistics.withLock { $0 }
        let counts = loop.inbox.counts
        snapshot.queued = counts.queued
        snapshot.rejectedSubmissions = counts.rejected
        return snapshot
    }

    /// Whether the calling thread is the writer thread (for preconditions in callers).
    public var isWriterThread: Bool { loop.inbox.isWriterThread }
}

/// Carries one result from the writer thread to a thread blocked on a semaphore (the semaphore orders the
/// write before the read).
private final class ResultBox<T>: @unchecked Sendable {
    /// Set once, before the semaphore is signalled.
    var result: Result<T, any Error>?
}
