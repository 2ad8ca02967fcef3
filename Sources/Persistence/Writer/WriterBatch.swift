/// One batch on the writer thread: every job runs in its own savepoint inside one transaction, and nothing is
/// acknowledged until that transaction has committed (group commit: one fsync for the whole batch).
///
/// A job that throws rolls back its savepoint only; the others commit. Should SQLite abandon the transaction
/// midway (it does after some I/O errors), the jobs that ran in it are failed with `batchRolledBack` and the rest
/// of the batch continues in a new transaction. When the transaction cannot begin (another process holds the
/// lock beyond `busy_timeout`), the batch's jobs are failed without running.
struct WriterBatch {
    /// The database.
    private let backend: any StorageBackend
    /// Jobs that ran in the open transaction, waiting for its COMMIT.
    private var pending: [JobCompletion] = []
    /// Jobs whose outcome is decided, in job order, with the batch failure overriding their result.
    private var settled: [(JobCompletion, PersistenceWriterError?)] = []
    /// Set when BEGIN failed: the remaining jobs are failed with it rather than waiting for the lock again.
    private var beginFailure: PersistenceWriterError?
    /// Jobs seen.
    private(set) var jobCount = 0
    /// Transactions begun.
    private(set) var transactions = 0

    /// An empty batch on `backend` (no transaction is open yet).
    init(backend: any StorageBackend) {
        self.backend = backend
    }

    /// Runs `job` in the batch's transaction, beginning one if needed.
    mutating func run(_ job: WriterJob) {
        jobCount += 1
        if beginFailure == nil, !backend.isBatchOpen {
            do {
                try backend.beginBatch()
                transactions += 1
            } catch {
                beginFailure = .batchFailed(underlying: error)
            }
        }
        if let beginFailure {
            let reject: JobCompletion = { _ in
                job.reject(beginFailure)
                return false
            }
            settled.append((reject, nil))
            return
        }
        pending.append(job.run(backend))
        if !backend.isBatchOpen { settlePending(.batchRolledBack) }
    }

    /// Commits the open transaction and returns every job's completion with its batch failure, in job order.
    mutating func commit() -> [(JobCompletion, PersistenceWriterError?)] {
        if backend.isBatchOpen {
            do {
                try backend.commitBatch()
                settlePending(nil)
            } catch {
                settlePending(.batchFailed(underlying: error))
            }
        }
        return settled
    }

    /// Decides the jobs of the current transaction.
    private mutating func settlePending(_ failure: PersistenceWriterError?) {
        for completion in pending { settled.append((completion, failure)) }
        pending.removeAll()
    }
}
