import Foundation
import Testing
import WebSocketCore
@testable import LobbyServer

/// The opening handshake over real sockets (RFC 6455 4.2.1, 4.2.2) and its rejections.
@Suite struct HandshakeEndToEndTests {
    private func rawUpgrade(port: Int, method: String = "GET", path: String = "/echo", http: String = "HTTP/1.1",
                            drop: Set<String> = [], replace: [String: String] = [:], extra: [(String, String)] = [])
        throws -> (HTTPResponseHead, TestClient) {
        let client = try TestClient(port: port)
        var headers: [(String, String)] = [
            ("Host", "127.0.0.1"), ("Upgrade", "websocket"), ("Connection", "Upgrade"),
            ("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ=="), ("Sec-WebSocket-Version", "13"),
        ]
        headers = headers.filter { !drop.contains($0.0) }.map { (name, value) in (name, replace[name] ?? value) } + extra
        var text = "\(method) \(path) \(http)\r\n"
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        client.send(text + "\r\n")
        let (head, _) = try client.readResponse()
        return (head, client)
    }

    @Test func validUpgradeGets101WithTheAcceptValue() throws {
        let server = try TestServer()
        defer { server.stop() }
        let (head, _) = try rawUpgrade(port: server.port)
        #expect(head.status == 101)
        #expect(head.headers["Sec-WebSocket-Accept"] == "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=")
        #expect(head.headers.containsToken("Connection", "upgrade"))
        #expect(head.headers["Upgrade"]?.lowercased() == "websocket")
    }

    @Test func wrongVersionGets426WithSupportedVersion() throws {
        let server = try TestServer()
        defer { server.stop() }
        let (head, client) = try rawUpgrade(port: server.port, replace: ["Sec-WebSocket-Version": "8"])
        #expect(head.status == 426)
        #expect(head.headers["Sec-WebSocket-Version"] == "13")
        #expect(client.waitForEOF())
    }

    @Test func badOrMissingKeyGets400() throws {
        let server = try TestServer()
        defer { server.stop() }
        #expect(try rawUpgrade(port: server.port, drop: ["Sec-WebSocket-Key"]).0.status == 400)
        #expect(try rawUpgrade(port: server.port, replace: ["Sec-WebSocket-Key": "short"]).0.status == 400)
    }

    @Test func missingConnectionUpgradeGets400() throws {
        let server = try TestServer()
        defer { server.stop() }
        #expect(try rawUpgrade(port: server.port, replace: ["Connection": "keep-alive"]).0.status == 400)
    }

    @Test func nonGetMethodGets405() throws {
        let server = try TestServer()
        defer { server.stop() }
        let (head, _) = try rawUpgrade(port: server.port, method: "POST")
        #expect(head.status == 405)
    }

    @Test func http10UpgradeIsRejected() throws {
        let server = try TestServer()
        defer { server.stop() }
        #expect(try rawUpgrade(port: server.port, http: "HTTP/1.0").0.status == 400)
    }

    @Test func plainGetOnAWebSocketPathGets426() throws {
        let server = try TestServer()
        defer { server.stop() }
        let client = try TestClient(port: server.port)
        let (head, _) = try client.request("GET", "/echo")
        #expect(head.status == 426)
    }

    @Test func originAllowListIsEnforced() throws {
        let server = try TestServer { $0.allowedOrigins = ["https://game.example"] }
        defer { server.stop() }
        #expect(try rawUpgrade(port: server.port, extra: [("Origin", "https://evil.example")]).0.status == 403)
        #expect(try rawUpgrade(port: server.port, extra: [("Origin", "https://game.example")]).0.status == 101)
        // Non-browser clients send no Origin: allowed.
        #expect(try rawUpgrade(port: server.port).0.status == 101)
    }

    @Test func framesSentRightAfterTheRequestAreProcessed() throws {
        let server = try TestServer()
        defer { server.stop() }
        let client = try TestClient(port: server.port)
        let key = WebSocketHandshake.makeKey()
        let request = WebSocketHandshake.clientRequest(host: "x", path: "/echo", key: key)
        let frame = FrameEncoder.frame(opcode: .text, payload: Array("early".utf8), maskKey: 0x01020304)
        client.send(request + frame)
        let (head, _) = try client.readResponse(expectBody: false)
        #expect(head.status == 101)
        #expect(client.receiveMessage() == .text("early"))
    }

    @Test func echoIsOffInProductionByDefault() throws {
        let server = try TestServer {
            $0.environment = .production
            $0.echoEnabled = nil
            $0.jwtSecretText = String(repeating: "s", count: 40)
        }
        defer { server.stop() }
        let client = try TestClient(port: server.port)
        #expect(try client.request("GET", "/echo").head.status == 404)
    }
}
