import Foundation

@testable import Persistence

/// The two back-ends every connection test body runs against (GRDB's habit): a private in-memory database and a
/// file in a fresh temporary directory.
enum TestDatabase: String, CaseIterable {
    case memory
    case file

    /// Opens a connection; `body` runs with it, then the file (if any) is deleted.
    func with<T>(_ body: (SQLiteConnection) throws -> T) throws -> T {
        switch self {
        case .memory:
            return try body(SQLiteConnection(path: ":memory:"))
        case .file:
            return try TemporaryDirectory.with { directory throws in
                try body(SQLiteConnection(path: directory.appendingPathComponent("test.sqlite").path))
            }
        }
    }
}

/// A fresh directory under the system temporary directory, removed afterwards.
enum TemporaryDirectory {
    /// Creates the directory, runs `body`, removes it.
    static func with<T>(_ body: (URL) throws -> T) throws -> T {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("lobby-persistence-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: url) }
        return try body(url)
    }

    /// Writes `files` (name -> contents) into `directory`.
    static func write(_ files: [String: String], into directory: URL) throws {
        for (name, contents) in files {
            try contents.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
    }
}
