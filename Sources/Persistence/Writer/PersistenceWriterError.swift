/// Why the writer did not run a job, or did not keep what it did. A job's own errors (`StoreError`,
/// `SQLiteError`, anything it throws) reach its completion unchanged.
public enum PersistenceWriterError: Error, CustomStringConvertible {
    /// The queue already holds `capacity` jobs: `submit` refused this one at once (back-pressure; nothing is queued).
    case overloaded(capacity: Int)
    /// The writer is closed (or closing): `submit` refused this one.
    case closed
    /// The batch's transaction could not begin or commit (`underlying` says why): the job's changes were not kept,
    /// even if it ran without error.
    case batchFailed(underlying: any Error)
    /// SQLite rolled back the whole batch transaction on its own after another job's failure (I/O error, full
    /// disk): the job's changes were not kept, even if it ran without error.
    case batchRolledBack

    /// A one-line explanation for logs.
    public var description: String {
        switch self {
        case .overloaded(let capacity): return "persistence queue full (\(capacity) jobs)"
        case .closed: return "persistence writer closed"
        case .batchFailed(let underlying): return "persistence batch failed: \(underlying)"
        case .batchRolledBack: return "persistence batch rolled back by SQLite after another job's failure"
        }
    }
}
