/// Counters of a `PersistenceWriter`, for metrics: a consistent snapshot taken under the writer's lock.
public struct WriterStatistics: Sendable, Equatable {
    /// Transactions the writer has run (each batch is one, unless SQLite abandoned one midway).
    public var batches = 0
    /// Jobs that have run (or were failed without running because their batch could not begin).
    public var jobs = 0
    /// Jobs whose completion received a failure.
    public var failedJobs = 0
    /// Submissions refused with `overloaded`.
    public var rejectedSubmissions = 0
    /// Jobs in the latest batch.
    public var lastBatchJobs = 0
    /// The latest batch from its first job to the end of its COMMIT (completions not included).
    public var lastBatchDuration: Duration = .zero
    /// Jobs waiting in the queue when the snapshot was taken.
    public var queued = 0

    /// All zero.
    public init() {}
}
