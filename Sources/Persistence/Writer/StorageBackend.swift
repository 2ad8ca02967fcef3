/// A database as the writer uses it: its stores, batch transactions, and a savepoint per job. Implemented by
/// `SQLiteStorage` and its in-memory twin `InMemoryStorage` (STYLE.md habit 6). After the hand-over to the
/// writer thread (`adoptCurrentThread`), every call comes from that thread.
public protocol StorageBackend: AnyObject {
    /// The stores, all on this database.
    var stores: Stores { get }

    /// Makes the calling thread the owner (the writer thread, once, before anything else).
    func adoptCurrentThread()

    /// Opens the batch's transaction, taking the write lock up front.
    func beginBatch() throws

    /// Commits the batch's transaction: once this returns, the batch is durable to the configured level.
    func commitBatch() throws

    /// Abandons the batch's transaction, if one is still open.
    func rollbackBatch()

    /// Whether the batch's transaction is open. It can close without `commitBatch`/`rollbackBatch` when SQLite
    /// rolls back on its own after an I/O error or a full disk.
    var isBatchOpen: Bool { get }

    /// Runs one job inside a savepoint: its changes are undone when it throws, and only its changes.
    func isolated<T>(_ body: () throws -> T) throws -> T
}
