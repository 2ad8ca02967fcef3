import Foundation
@testable import LobbyServer

/// An in-process server on 127.0.0.1 and a free port, with test-friendly settings; stopped by `stop()`.
final class TestServer: @unchecked Sendable {
    let app: App
    var port: Int { app.port }
    var stats: ServerStats { app.server!.stats }

    /// The repository's Migrations directory.
    static let migrations = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Migrations").path

    /// A fresh database path in a new temporary directory.
    static func temporaryDatabase() -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lobby-test-\(UUID().uuidString)")
        return directory.appendingPathComponent("lobby.sqlite").path
    }

    /// Starts a server; `configure` adjusts the defaults (echo on, bench rooms on, short timeouts, a fresh
    /// database in a temporary directory).
    init(_ configure: (inout Config) -> Void = { _ in }) throws {
        TestServer.quietLogs
        var config = Config()
        config.host = "127.0.0.1"
        config.port = 0
        config.loops = 2
        config.echoEnabled = true
        config.benchRooms = true
        config.closeTimeoutMs = 1_000
        config.shutdownTimeoutMs = 2_000
        config.databasePath = TestServer.temporaryDatabase()
        config.migrationsDirectory = TestServer.migrations
        config.presenceGraceMs = 200
        configure(&config)
        try config.validate()
        app = App(config: config)
        try app.start()
    }

    /// Graceful stop; waits for the loops.
    func stop() {
        _ = app.stop()
    }

    /// Tests log only warnings and worse (set once, before any loop thread runs).
    static let quietLogs: Void = {
        Log.level = ProcessInfo.processInfo.environment["TEST_LOG_LEVEL"].flatMap(LogLevel.init(name:)) ?? .error
    }()

    /// Polls `condition` every 10 ms until it holds or `timeout` seconds pass.
    static func eventually(timeout: Double = 5, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition() { return true }
            usleep(10_000)
        }
        return condition()
    }
}
