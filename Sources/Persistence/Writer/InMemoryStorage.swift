/// `StorageBackend` in memory: the twin of `SQLiteStorage`, with the in-memory stores on shared
/// `InMemoryTables`. Batches and savepoints roll back through the tables' undo journal, so the writer behaves
/// the same on both. Nothing survives the process. Not thread-safe: after the hand-over, writer thread only.
public final class InMemoryStorage: StorageBackend {
    /// The tables the stores share.
    let tables = InMemoryTables()
    /// The in-memory stores.
    public let stores: Stores

    /// Empty tables.
    public init() {
        stores = Stores(
            users: InMemoryUserStore(tables: tables), friends: InMemoryFriendStore(tables: tables),
            messages: InMemoryDirectMessageStore(tables: tables), lobbyChat: InMemoryLobbyChatStore(tables: tables),
            games: InMemoryGameStore(tables: tables))
    }

    /// Nothing to do: the tables carry no thread check.
    public func adoptCurrentThread() {}

    /// Starts journaling changes.
    public func beginBatch() throws {
        tables.begin()
    }

    /// Keeps the batch's changes and empties the journal.
    public func commitBatch() throws {
        tables.commit()
    }

    /// Undoes the batch's changes.
    public func rollbackBatch() {
        if tables.isInTransaction { tables.rollback() }
    }

    /// Whether a batch is open.
    public var isBatchOpen: Bool { tables.isInTransaction }

    /// A savepoint of the tables around `body`.
    public func isolated<T>(_ body: () throws -> T) throws -> T {
        try tables.savepoint(body)
    }
}
