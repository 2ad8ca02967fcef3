import Foundation
import Testing
import WebSocketCore
@testable import LobbyServer

/// Broadcast through the benchmark's room path across loops, and graceful shutdown (in-process and by signal).
@Suite struct RoomsAndShutdownTests {
    @Test func roomBroadcastReachesEveryMemberOnEveryLoopAndNoOneElse() throws {
        let server = try TestServer { $0.loops = 2 }
        defer { server.stop() }
        // Enough members that SO_REUSEPORT spreads them over both loops.
        let red = try (0..<8).map { _ in try TestClient.webSocket(port: server.port, path: "/room?room=red") }
        let blue = try (0..<4).map { _ in try TestClient.webSocket(port: server.port, path: "/room?room=blue") }
        #expect(TestServer.eventually { server.stats.webSocketsOpen.load() == 12 })
        red[3].sendText("hello red")
        for member in red { #expect(member.receiveMessage() == .text("hello red")) }
        blue[0].sendText("hello blue")
        for member in blue { #expect(member.receiveMessage() == .text("hello blue")) }
        for member in red { #expect(member.receive(timeout: 0.2) == .timeout) }
    }

    @Test func leavingMembersStopReceiving() throws {
        let server = try TestServer { $0.loops = 1 }
        defer { server.stop() }
        let members = try (0..<3).map { _ in try TestClient.webSocket(port: server.port, path: "/room?room=r") }
        members[0].sendClose(1000)
        #expect(members[0].closeCode() == .some(1000))
        #expect(TestServer.eventually { server.stats.webSocketsOpen.load() == 2 })
        members[2].sendText("after leave")
        #expect(members[1].receiveMessage() == .text("after leave"))
        #expect(members[2].receiveMessage() == .text("after leave"))
    }

    @Test func inProcessShutdownSendsGoingAwayToEveryWebSocket() throws {
        let server = try TestServer { $0.loops = 2 }
        let clients = try (0..<6).map { _ in try TestClient.webSocket(port: server.port) }
        #expect(TestServer.eventually { server.stats.webSocketsOpen.load() == 6 })
        let stopper = Thread { server.stop() }
        stopper.start()
        for client in clients {
            #expect(client.closeCode() == .some(1001))
            client.sendClose(1001)
        }
        #expect(TestServer.eventually { server.stats.connectionsOpen.load() == 0 })
        // New connections are refused once the listeners are closed.
        #expect(TestServer.eventually { (try? TestClient(port: server.port)) == nil })
    }

    @Test func sigtermShutsTheBinaryDownGracefullyWithStatusZero() throws {
        let binary = Bundle.main.bundleURL.appendingPathComponent("lobby-server")
        try #require(FileManager.default.isExecutableFile(atPath: binary.path), "build lobby-server first")
        let process = Process()
        process.executableURL = binary
        process.arguments = ["--host", "127.0.0.1", "--port", "0", "--loops", "2", "--echo", "--log-level", "info",
                             "--shutdown-timeout-ms", "3000"]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        let port = try Self.listeningPort(errors.fileHandleForReading)
        let client = try TestClient.webSocket(port: port)
        client.sendText("ping")
        #expect(client.receiveMessage() == .text("ping"))
        let start = Date()
        kill(process.processIdentifier, SIGTERM)
        #expect(client.closeCode() == .some(1001))
        client.sendClose(1001)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(Date().timeIntervalSince(start) < 5)
    }

    /// Reads the server's stderr until the `msg=listening` line and returns its port.
    static func listeningPort(_ handle: FileHandle) throws -> Int {
        var text = ""
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            let data = handle.availableData
            if data.isEmpty { break }
            text += String(decoding: data, as: UTF8.self)
            for line in text.split(separator: "\n") where line.contains("msg=listening") {
                if let range = line.range(of: #"port=(\d+)"#, options: .regularExpression) {
                    return Int(line[range].dropFirst(5))!
                }
            }
        }
        throw TestClient.Failure(description: "server did not report its port: \(text)")
    }
}
