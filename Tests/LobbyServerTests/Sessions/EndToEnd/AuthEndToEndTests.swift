import Foundation
import GameEvents
import Testing
import WebSocketCore
@testable import LobbyServer

/// Connecting to /ws with valid and invalid tokens over real sockets.
@Suite struct AuthEndToEndTests {
    @Test func validTokenGetsConnectionAck() throws {
        let server = try TestServer { $0.serverId = "lobby-test" }
        defer { server.stop() }
        let alice = try SessionClient(port: server.port, user: "u-alice", username: "Alice")
        let ack = try #require(alice.ack)
        #expect(ack.userId.rawValue == "u-alice")
        #expect(ack.username == "Alice")
        #expect(ack.role == .player)
        #expect(ack.serverId == "lobby-test")
        #expect(ack.heartbeatIntervalMs == 25_000)
        #expect(!ack.connectionId.isEmpty)
    }

    @Test func bearerHeaderIsAcceptedToo() throws {
        let server = try TestServer()
        defer { server.stop() }
        let raw = try TestClient.webSocket(port: server.port, path: "/ws",
                                           headers: [("Authorization", "Bearer \(SessionClient.token("u-bob"))")])
        let client = SessionClient(raw: raw)
        guard case .connectionAck(let ack)? = client.next()?.event else {
            Issue.record("no connection.ack")
            return
        }
        #expect(ack.userId.rawValue == "u-bob")
    }

    static let secret = Array(Config.developmentJWTSecret.utf8)

    static func forged(header: String, payload: String, secret: [UInt8] = secret) -> String {
        let h = Base64.encode(Array(header.utf8), alphabet: .url, padded: false)
        let p = Base64.encode(Array(payload.utf8), alphabet: .url, padded: false)
        let signature = HMACSHA256.authenticate(Array("\(h).\(p)".utf8), key: secret)
        return "\(h).\(p).\(Base64.encode(signature, alphabet: .url, padded: false))"
    }

    static var now: Int64 { Int64(Date().timeIntervalSince1970) }

    /// Every rejected token: one `connection.error` with its code, then close 4001.
    @Test(arguments: [
        ("", "token_missing"),
        ("not-a-jwt", "token_malformed"),
        (SessionClient.token("u-x", expiresIn: -3600), "token_expired"),
        (SessionClient.token("u-x", secret: "another-secret-that-is-long-enough-32b"), "token_signature"),
        (forged(header: #"{"alg":"none","typ":"JWT"}"#, payload: #"{"sub":"u-x","username":"x","exp":\#(now + 60)}"#).split(separator: ".").prefix(2).joined(separator: ".") + ".", "token_algorithm"),
        (forged(header: #"{"alg":"HS512","typ":"JWT"}"#, payload: #"{"sub":"u-x","username":"x","exp":\#(now + 60)}"#), "token_algorithm"),
        (forged(header: #"{"alg":"HS256","typ":"JWT"}"#, payload: #"{"sub":"u-x","username":"x","exp":\#(now + 60),"nbf":\#(now + 3600)}"#), "token_not_yet_valid"),
        (forged(header: #"{"alg":"HS256","typ":"JWT"}"#, payload: #"{"sub":"u-x","exp":\#(now + 60)}"#), "token_claims"),
    ])
    func badTokensGetAnErrorAndClose4001(token: String, code: String) throws {
        let server = try TestServer()
        defer { server.stop() }
        let path = token.isEmpty ? "/ws" : "/ws?token=\(token)"
        let client = SessionClient(raw: try TestClient.webSocket(port: server.port, path: path))
        guard case .connectionError(let error)? = client.next()?.event else {
            Issue.record("expected connection.error for \(code)")
            return
        }
        #expect(error.code == code)
        #expect(!error.message.isEmpty)
        #expect(client.raw.closeCode() == .some(4001))
    }

    @Test func tooManyNewConnectionsFromOneAddressGet429() throws {
        let server = try TestServer { $0.rateLimits = "connectionsPerIp=2/0.01" }
        defer { server.stop() }
        _ = try SessionClient(port: server.port, user: "u-1")
        _ = try SessionClient(port: server.port, user: "u-2")
        let third = try TestClient(port: server.port)
        let key = WebSocketHandshake.makeKey()
        third.send(WebSocketHandshake.clientRequest(host: "x", path: "/ws?token=\(SessionClient.token("u-3"))", key: key))
        let (head, _) = try third.readResponse()
        #expect(head.status == 429)
        #expect(head.headers["Retry-After"] != nil)
    }
}
