import Foundation

@testable import Persistence

/// The two back-ends every store test body runs against (STYLE.md habit 6): SQLite on a migrated temporary file,
/// and the in-memory twin.
enum StoreBackend: String, CaseIterable, CustomStringConvertible {
    case sqlite
    case memory

    /// The repository's `Migrations/` directory (the real schema, not a test copy).
    static let migrations = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Migrations", isDirectory: true)

    /// The name shown in test results.
    var description: String { rawValue }

    /// Runs `body` with a fresh backend (the file, if any, is deleted afterwards).
    func with<T>(_ body: (any StorageBackend) throws -> T) throws -> T {
        switch self {
        case .sqlite:
            return try TemporaryDirectory.with { directory throws in
                let path = directory.appendingPathComponent("stores.sqlite").path
                return try body(SQLiteStorage.open(path: path, migrationsDirectory: Self.migrations))
            }
        case .memory:
            return try body(InMemoryStorage())
        }
    }

    /// Runs `body` with the stores of a fresh backend.
    func withStores<T>(_ body: (Stores) throws -> T) throws -> T {
        try with { backend throws in try body(backend.stores) }
    }

    /// A writer on a fresh backend in `directory` (SQLite: `directory/writer.sqlite`).
    func writer(in directory: URL, options: PersistenceWriter.Options = .init()) throws -> PersistenceWriter {
        switch self {
        case .sqlite:
            return try PersistenceWriter.open(
                path: directory.appendingPathComponent("writer.sqlite").path, migrationsDirectory: Self.migrations,
                options: options)
        case .memory:
            return PersistenceWriter.inMemory(options: options)
        }
    }
}

extension Stores {
    /// Upserts users named after their ids (`"u-alice"` is `alice`), seen at `at`.
    func addUsers(_ ids: String..., at: Int64 = 1_000) throws {
        for id in ids { try users.upsert(id: id, username: String(id.dropFirst(2)), seenAt: at) }
    }
}
