/// Why migrations could not be listed or applied. Each case names the file or version involved.
public enum MigrationError: Error, Sendable, CustomStringConvertible {
    /// No migrations directory at any of these paths (see `Migrator.locate`).
    case directoryNotFound(searched: [String])
    /// The directory could not be listed or a file could not be read.
    case unreadable(path: String, reason: String)
    /// A `.sql` file whose name is not `NNNN_name.sql`.
    case invalidFileName(String)
    /// Two files share a version.
    case duplicateVersion(Int, files: [String])
    /// Versions must run 1, 2, 3, ...: this one is missing.
    case missingVersion(Int)
    /// The database records a migration that has no file: it is newer than this code, or a file was deleted.
    case unknownAppliedVersion(Int, name: String)
    /// The database records a different name for this version: a file was renamed or replaced.
    case nameMismatch(version: Int, applied: String, file: String)
    /// The script rolled back the migrator's transaction itself (scripts must not contain BEGIN/COMMIT/ROLLBACK;
    /// a COMMIT is refused by SQLite and reported as `failed`).
    case scriptEndedTransaction(version: Int, name: String)
    /// SQLite refused the script; nothing of this migration was kept.
    case failed(version: Int, name: String, error: SQLiteError)

    /// A one-line explanation for logs and startup failures.
    public var description: String {
        switch self {
        case .directoryNotFound(let searched):
            return "no migrations directory; searched: \(searched.joined(separator: ", "))"
        case .unreadable(let path, let reason):
            return "cannot read \(path): \(reason)"
        case .invalidFileName(let file):
            return "migration file \(file) does not match NNNN_name.sql (lowercase name, digits, underscores)"
        case .duplicateVersion(let version, let files):
            return "migration version \(version) is used by several files: \(files.joined(separator: ", "))"
        case .missingVersion(let version):
            return "migration version \(version) is missing: versions must run 1, 2, 3, ... without gaps"
        case .unknownAppliedVersion(let version, let name):
            return "the database has migration \(version) (\(name)) but no such file exists"
        case .nameMismatch(let version, let applied, let file):
            return "migration \(version) was applied as \(applied) but the file is now named \(file)"
        case .scriptEndedTransaction(let version, let name):
            return "migration \(version) (\(name)) ended the transaction itself; remove BEGIN/COMMIT/ROLLBACK from it"
        case .failed(let version, let name, let error):
            return "migration \(version) (\(name)) failed and was rolled back: \(error)"
        }
    }
}
