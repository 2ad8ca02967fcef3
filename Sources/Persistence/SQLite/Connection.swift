import CSQLite

/// One SQLite database connection, owned by one thread (Lobby's persistence writer).
///
/// Opened with `SQLITE_OPEN_NOMUTEX`: SQLite does no locking of its own, so the connection and its statements
/// must stay on the thread that created it (or that called `adoptCurrentThread`). Debug builds check this with a
/// precondition on every entry point. Configuration on open: extended result codes, `busy_timeout`,
/// `foreign_keys=ON`, and for files `journal_mode=WAL` with `synchronous=NORMAL` (durable at checkpoints,
/// never corrupt: https://sqlite.org/wal.html). Closed in `deinit`.
public final class SQLiteConnection {
    /// How to open the database.
    public struct Options: Sendable {
        /// How long a call waits for another connection's lock before failing with `SQLITE_BUSY`.
        public var busyTimeoutMilliseconds: Int32 = 5000
        /// Open read-only (no WAL switch, no creation).
        public var readOnly = false
        /// How many prepared statements `prepare` keeps; when full, the cache is emptied and starts over.
        public var statementCacheCapacity = 64

        /// The defaults: 5 s busy timeout, read-write, 64 cached statements.
        public init() {}
    }

    /// The path given to `init` (`":memory:"` for a private in-memory database).
    public let path: String
    /// Whether the database lives in memory (no file, no WAL).
    public let isInMemory: Bool
    /// The C handle; never leaves this module.
    let db: OpaquePointer
    /// The thread allowed to use this connection.
    let owner = ThreadOwner()
    private let cacheCapacity: Int
    private var cache: [String: SQLiteStatement] = [:]

    /// Opens (creating if needed) the database at `path`; `":memory:"` opens a private in-memory database.
    public init(path: String, options: Options = Options()) throws {
        var handle: OpaquePointer? = nil
        let access = options.readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
        let result = sqlite3_open_v2(path, &handle, access | SQLITE_OPEN_NOMUTEX, nil)
        guard result == SQLITE_OK, let handle else {
            let error = SQLiteError(result: result, db: handle, sql: nil)
            sqlite3_close_v2(handle)
            throw error
        }
        self.db = handle
        self.path = path
        self.cacheCapacity = max(1, options.statementCacheCapacity)
        let filename = sqlite3_db_filename(handle, "main").map { String(cString: $0) } ?? ""
        self.isInMemory = filename.isEmpty
        sqlite3_extended_result_codes(handle, 1)
        sqlite3_busy_timeout(handle, options.busyTimeoutMilliseconds)
        try configure(readOnly: options.readOnly)
    }

    deinit {
        cache.removeAll()  // finalize cached statements first
        // close_v2 defers the close until statements still held elsewhere are finalized.
        sqlite3_close_v2(db)
    }

    /// Applies the pragmas described on the type.
    private func configure(readOnly: Bool) throws {
        try execute("PRAGMA foreign_keys = ON")
        guard !isInMemory, !readOnly else { return }
        let mode = try pragma("journal_mode = WAL")
        guard mode?.lowercased() == "wal" else {
            throw SQLiteError(
                extendedCode: SQLITE_ERROR, message: "could not enable WAL (journal_mode is \(mode ?? "nil"))",
                sql: "PRAGMA journal_mode = WAL")
        }
        try execute("PRAGMA synchronous = NORMAL")
    }

    /// Makes the calling thread the owner. Only for handing a connection to another thread after the previous
    /// owner has stopped using it (e.g. open on the main thread, then move to the writer thread).
    public func adoptCurrentThread() {
        owner.adoptCurrentThread()
    }

    /// Runs a script of one or more statements without results (`sqlite3_exec`), e.g. a migration.
    public func execute(_ sql: String) throws {
        owner.check()
        var message: UnsafeMutablePointer<CChar>? = nil
        let result = sqlite3_exec(db, sql, nil, nil, &message)
        guard result == SQLITE_OK else {
            var error = SQLiteError(result: result, db: db, sql: sql)
            if let message {
                error.message = String(cString: message)
                sqlite3_free(message)
            }
            throw error
        }
    }

    /// A prepared statement for `sql`. With `cached` (the default) the statement is kept, keyed by its SQL, and
    /// handed out again reset with its bindings cleared, so callers must finish with one use before the next
    /// `prepare` of the same SQL. Uncached statements are finalized when released.
    public func prepare(_ sql: String, cached: Bool = true) throws -> SQLiteStatement {
        owner.check()
        guard cached else { return try SQLiteStatement(db: db, sql: sql, persistent: false, owner: owner) }
        if let statement = cache[sql] {
            sqlite3_reset(statement.handle)
            sqlite3_clear_bindings(statement.handle)
            return statement
        }
        let statement = try SQLiteStatement(db: db, sql: sql, persistent: true, owner: owner)
        if cache.count >= cacheCapacity { cache.removeAll(keepingCapacity: true) }
        cache[sql] = statement
        return statement
    }

    /// The number of statements currently cached.
    public var cachedStatementCount: Int { cache.count }

    /// Finalizes every cached statement (statements still referenced elsewhere live until released).
    public func clearStatementCache() {
        owner.check()
        cache.removeAll()
    }

    /// Runs one statement with `bindings` to completion through the cache; returns the number of rows changed.
    @discardableResult
    public func run(_ sql: String, _ bindings: [(any SQLiteValueConvertible)?] = []) throws -> Int {
        let statement = try prepare(sql)
        try statement.bind(bindings)
        while try statement.step() {}
        statement.reset()  // release the statement's locks now rather than at its next use
        return changes
    }

    /// The rows of one query, each as its column values, through the cache.
    public func query(_ sql: String, _ bindings: [(any SQLiteValueConvertible)?] = []) throws -> [[SQLiteValue]] {
        let statement = try prepare(sql)
        try statement.bind(bindings)
        var rows: [[SQLiteValue]] = []
        while try statement.step() { rows.append(statement.row()) }
        statement.reset()
        return rows
    }

    /// The rowid of the most recent successful INSERT on this connection.
    public var lastInsertRowID: Int64 {
        owner.check()
        return sqlite3_last_insert_rowid(db)
    }

    /// The rows changed by the most recent INSERT, UPDATE or DELETE.
    public var changes: Int {
        owner.check()
        return Int(sqlite3_changes64(db))
    }

    /// Whether a transaction is open (the connection is not in autocommit mode).
    public var isInTransaction: Bool {
        owner.check()
        return sqlite3_get_autocommit(db) == 0
    }

    /// The first column of `PRAGMA <assignment>`'s first row as text, if it returns one.
    @discardableResult
    public func pragma(_ assignment: String) throws -> String? {
        let statement = try prepare("PRAGMA \(assignment)", cached: false)
        return try statement.step() ? statement.string(0) : nil
    }
}
