import Foundation
import GameEvents
import Persistence
import Testing
@testable import LobbyServer

/// Nothing acknowledged is lost when the server process is killed outright.
@Suite struct CrashDurabilityTests {
    @Test func acknowledgedLobbyChatSurvivesSIGKILL() throws {
        let binary = Bundle.main.bundleURL.appendingPathComponent("lobby-server")
        try #require(FileManager.default.isExecutableFile(atPath: binary.path), "build lobby-server first")
        let database = TestServer.temporaryDatabase()
        let process = Process()
        process.executableURL = binary
        process.arguments = ["--host", "127.0.0.1", "--port", "0", "--log-level", "notice", "--database-path", database,
                             "--migrations-dir", TestServer.migrations, "--rate-limits", "chat=1000/1000,user.chat=1000/1000"]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        let port = try RoomsAndShutdownTests.listeningPort(errors.fileHandleForReading)

        let alice = try SessionClient(port: port, user: "u-alice")
        alice.send("lobby:create", #"{"name":"crash test"}"#, id: "c")
        guard case .lobbyCreated(let snapshot)? = alice.expect(.lobbyCreated)?.event else {
            Issue.record("no lobby:created")
            return
        }
        // Pipeline 200 messages, then wait for every acknowledgement.
        let count = 200
        for i in 1...count { alice.send("lobby:chat", #"{"text":"durable \#(i)"}"#, id: "d\(i)") }
        var acknowledged = Set<String>()
        while acknowledged.count < count {
            guard let message = alice.next(timeout: 10) else { break }
            if case .lobbyChat = message.event, let id = message.replyTo { acknowledged.insert(id) }
        }
        #expect(acknowledged.count == count)

        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)

        // What a restarted server would find: open the files the killed process left (database + WAL).
        let connection = try SQLiteConnection(path: database)
        let rows = try connection.query("SELECT text FROM lobby_messages WHERE lobby_id = ? ORDER BY message_id",
                                        [snapshot.lobby.id.rawValue])
        let texts = rows.compactMap { row -> String? in
            if case .text(let text) = row.first { return text }
            return nil
        }
        #expect(texts == (1...count).map { "durable \($0)" })
    }
}
