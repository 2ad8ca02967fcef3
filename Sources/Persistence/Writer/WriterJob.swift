/// How a job that ran finishes once its batch's fate is known: called after COMMIT (or its failure) with the
/// batch failure that overrides a successful result, if any. Returns whether the job's completion received
/// success. Lives and runs on the writer thread only.
typealias JobCompletion = (PersistenceWriterError?) -> Bool

/// A queued job with its result type erased (built by `PersistenceWriter.submit`).
struct WriterJob: Sendable {
    /// Runs the job inside its savepoint on the writer thread; returns how to complete it.
    let run: @Sendable (any StorageBackend) -> JobCompletion
    /// Completes the job with `error` without running it (its batch could not begin).
    let reject: @Sendable (PersistenceWriterError) -> Void
}
