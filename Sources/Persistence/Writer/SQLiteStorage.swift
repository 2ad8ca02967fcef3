import Foundation

/// `StorageBackend` on one SQLite connection, with the SQLite stores on it.
///
/// Durability: the database runs in WAL mode (https://sqlite.org/wal.html). With `synchronous = FULL` (the
/// default here, `Synchronous.full`) every COMMIT fsyncs the WAL, so a committed batch survives an application
/// crash and a power loss; the writer's group commit makes that one fsync per batch, not per job. With
/// `synchronous = NORMAL` (`Synchronous.normal`, `SQLiteConnection`'s default) the WAL is fsynced only at
/// checkpoints: a committed batch survives an application crash (it is in the OS page cache) but a power loss or
/// kernel crash may take back the last transactions, which the writer has already acknowledged. Lobby promises
/// that nothing acknowledged is lost, so the writer uses FULL (https://sqlite.org/pragma.html#pragma_synchronous).
public final class SQLiteStorage: StorageBackend {
    /// How hard a COMMIT works to survive power loss (`PRAGMA synchronous`).
    public enum Synchronous: String, Sendable {
        /// fsync the WAL at every commit: committed means durable, even across power loss.
        case full = "FULL"
        /// fsync only at checkpoints: committed survives an application crash, not necessarily a power loss.
        case normal = "NORMAL"
    }

    /// The connection, owned by the writer thread once handed over.
    public let connection: SQLiteConnection
    /// The SQLite stores, sharing `connection`.
    public let stores: Stores

    /// A backend on `connection`, which must already be migrated.
    public init(connection: SQLiteConnection) {
        self.connection = connection
        self.stores = Stores(
            users: SQLiteUserStore(connection: connection), friends: SQLiteFriendStore(connection: connection),
            messages: SQLiteDirectMessageStore(connection: connection),
            lobbyChat: SQLiteLobbyChatStore(connection: connection),
            savedLobbies: SQLiteSavedLobbyStore(connection: connection),
            games: SQLiteGameStore(connection: connection))
    }

    /// The page cache of the writer's connection, in KiB (`PRAGMA cache_size = -N`,
    /// https://sqlite.org/pragma.html#pragma_cache_size). SQLite's default, 2 MiB, is smaller than what one batch
    /// dirties when lobby chat appends land in a few hundred lobbies at once (a leaf page per lobby and per index),
    /// so pages were spilled and read back within the batch: 64 MiB more than doubles lobby chat appends per
    /// second. The memory is taken as pages are used, not up front.
    public static let pageCacheKibibytes = 65_536

    /// Opens (creating if needed) the database file at `path`, sets `synchronous` and the page cache
    /// (`pageCacheKibibytes`), and applies the migrations in `migrationsDirectory` (see `Migrator`). `":memory:"`
    /// gives a private in-memory SQLite database.
    public static func open(
        path: String, migrationsDirectory: URL, synchronous: Synchronous = .full,
        options: SQLiteConnection.Options = SQLiteConnection.Options()
    ) throws -> SQLiteStorage {
        let connection = try SQLiteConnection(path: path, options: options)
        if !connection.isInMemory { try connection.execute("PRAGMA synchronous = \(synchronous.rawValue)") }
        try connection.execute("PRAGMA cache_size = -\(pageCacheKibibytes)")
        try Migrator(directory: migrationsDirectory).migrate(connection)
        return SQLiteStorage(connection: connection)
    }

    /// See `StorageBackend.adoptCurrentThread`.
    public func adoptCurrentThread() {
        connection.adoptCurrentThread()
    }

    /// `BEGIN IMMEDIATE`: a database locked by another process fails here, after `busy_timeout`, not midway.
    public func beginBatch() throws {
        try connection.run("BEGIN IMMEDIATE")
    }

    /// `COMMIT`; when it fails the transaction is rolled back and the error rethrown.
    public func commitBatch() throws {
        do {
            try connection.run("COMMIT")
        } catch {
            rollbackBatch()
            throw error
        }
    }

    /// `ROLLBACK`, unless SQLite already ended the transaction.
    public func rollbackBatch() {
        guard connection.isInTransaction else { return }
        _ = try? connection.run("ROLLBACK")
    }

    /// Whether the connection is inside a transaction.
    public var isBatchOpen: Bool { connection.isInTransaction }

    /// A `SAVEPOINT` around `body` (see `SQLiteConnection.savepoint`).
    public func isolated<T>(_ body: () throws -> T) throws -> T {
        try connection.savepoint(body)
    }
}
