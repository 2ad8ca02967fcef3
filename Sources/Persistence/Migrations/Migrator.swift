import Foundation

/// Applies the numbered SQL files of a directory in order, each exactly once (GRDB `DatabaseMigrator`,
/// Nakama `migrate`).
///
/// Each migration runs in its own `BEGIN IMMEDIATE` transaction together with the insert of its row in
/// `schema_migrations(version INTEGER PRIMARY KEY, name TEXT, applied_at INTEGER)`: either both happen or
/// neither. Forward-only: there are no down migrations. Before applying anything, the directory is checked
/// (names, duplicates, gaps) and compared with what the database already recorded.
public struct Migrator: Sendable {
    /// The directory holding `NNNN_name.sql` files.
    public var directory: URL

    /// A migrator for the files in `directory`.
    public init(directory: URL) {
        self.directory = directory
    }

    /// The migrations in the directory, in version order, after checking names, duplicates and gaps.
    /// Files not ending in `.sql` (a README, say) are ignored.
    public func migrations() throws -> [Migration] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw MigrationError.unreadable(path: directory.path, reason: "\(error)")
        }
        var byVersion: [Int: [Migration]] = [:]
        for fileName in names where fileName.hasSuffix(".sql") {
            guard let parsed = Migration.parse(fileName: fileName) else {
                throw MigrationError.invalidFileName(fileName)
            }
            let file = directory.appendingPathComponent(fileName)
            byVersion[parsed.version, default: []].append(
                Migration(version: parsed.version, name: parsed.name, file: file))
        }
        for (version, files) in byVersion where files.count > 1 {
            throw MigrationError.duplicateVersion(version, files: files.map(\.file.lastPathComponent).sorted())
        }
        let sorted = byVersion.values.map { $0[0] }.sorted { $0.version < $1.version }
        for (offset, migration) in sorted.enumerated() where migration.version != offset + 1 {
            throw MigrationError.missingVersion(offset + 1)
        }
        return sorted
    }

    /// Applies every migration the database has not recorded yet, in order; returns the ones applied (empty
    /// when the database was up to date). Stops at the first failure, which leaves no trace of that migration.
    @discardableResult
    public func migrate(
        _ connection: SQLiteConnection, now: () -> Int64 = { Int64(Date().timeIntervalSince1970) }
    ) throws -> [Migration] {
        let plan = try migrations()
        try connection.execute(Self.createTable)
        let applied = try Self.appliedMigrations(connection)
        try check(applied: applied, against: plan)
        var done: [Migration] = []
        for migration in plan where applied[migration.version] == nil {
            if try apply(migration, to: connection, appliedAt: now()) { done.append(migration) }
        }
        return done
    }

    /// The recorded migrations, version -> name (empty when `schema_migrations` does not exist yet).
    public static func appliedMigrations(_ connection: SQLiteConnection) throws -> [Int: String] {
        let exists = try connection.query(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
        guard !exists.isEmpty else { return [:] }
        let statement = try connection.prepare("SELECT version, name FROM schema_migrations ORDER BY version")
        var result: [Int: String] = [:]
        while try statement.step() { result[statement.int(0)] = statement.string(1) ?? "" }
        statement.reset()
        return result
    }

    /// The bookkeeping table.
    static let createTable = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            applied_at INTEGER NOT NULL
        )
        """

    /// Refuses a database that records migrations the directory does not have, or under another name.
    private func check(applied: [Int: String], against plan: [Migration]) throws {
        let files = Dictionary(uniqueKeysWithValues: plan.map { ($0.version, $0) })
        for (version, name) in applied.sorted(by: { $0.key < $1.key }) {
            guard let file = files[version] else { throw MigrationError.unknownAppliedVersion(version, name: name) }
            guard file.name == name else {
                throw MigrationError.nameMismatch(version: version, applied: name, file: file.name)
            }
        }
    }

    /// Runs one migration and records it in one immediate transaction. Returns false when another process
    /// recorded it between our check and our lock (then nothing is done).
    private func apply(_ migration: Migration, to connection: SQLiteConnection, appliedAt: Int64) throws -> Bool {
        let sql: String
        do {
            sql = try String(contentsOf: migration.file, encoding: .utf8)
        } catch {
            throw MigrationError.unreadable(path: migration.file.path, reason: "\(error)")
        }
        do {
            return try connection.transaction {
                let recorded = try connection.query(
                    "SELECT name FROM schema_migrations WHERE version = ?", [migration.version])
                guard recorded.isEmpty else { return false }
                // A COMMIT inside the script would make it and its record separate transactions: refuse it.
                try connection.withCommitsRefused { try connection.execute(sql) }
                guard connection.isInTransaction else {
                    throw MigrationError.scriptEndedTransaction(version: migration.version, name: migration.name)
                }
                try connection.run(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                    [migration.version, migration.name, appliedAt])
                return true
            }
        } catch let error as SQLiteError {
            throw MigrationError.failed(version: migration.version, name: migration.name, error: error)
        }
    }
}
