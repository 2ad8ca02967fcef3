import Foundation
import GameEvents
import Testing
@testable import LobbyServer

/// A test client speaking the JSON event protocol on /ws over a real socket.
final class SessionClient {
    let raw: TestClient
    /// The `connection.ack` received at connect.
    private(set) var ack: ConnectionAck?

    /// A token for `user` signed with the development secret (what TestServer uses).
    static func token(_ user: String, username: String? = nil, expiresIn: Int64 = 3600,
                      secret: String = Config.developmentJWTSecret) -> String {
        let now = Int64(Date().timeIntervalSince1970)
        let claims = Claims(sub: user, username: username ?? user, iat: now, exp: now + expiresIn)
        return JWTSigner(secret: Array(secret.utf8)).sign(claims)
    }

    /// Connects with `?token=` and reads `connection.ack` (throws if something else arrives).
    init(port: Int, user: String, username: String? = nil) throws {
        raw = try TestClient.webSocket(port: port, path: "/ws?token=\(SessionClient.token(user, username: username))")
        guard case .connectionAck(let ack)? = next()?.event else {
            throw TestClient.Failure(description: "no connection.ack for \(user)")
        }
        self.ack = ack
    }

    /// Wraps an already upgraded connection (for auth-failure tests).
    init(raw: TestClient) {
        self.raw = raw
    }

    /// Sends an envelope built from `type`, a JSON payload text and an optional id.
    func send(_ type: String, _ payload: String = "{}", id: String? = nil) {
        var text = "{\"type\":\"\(type)\",\"payload\":\(payload)"
        if let id { text += ",\"id\":\"\(id)\"" }
        raw.sendText(text + "}")
    }

    /// The next server event (pings skipped); nil on timeout, close or EOF.
    func next(timeout: Double = 5) -> ServerMessage? {
        switch raw.receiveMessage(timeout: timeout) {
        case .text(let text):
            switch EventCodec.decodeServer(Array(text.utf8)) {
            case .success(let message): return message
            case .failure(let error):
                Issue.record("server sent an undecodable event: \(error) in \(text)")
                return nil
            }
        default:
            return nil
        }
    }

    /// Reads events until one satisfies `match` (others are skipped); nil if none within the timeout.
    func expect(timeout: Double = 5, _ match: (ServerMessage) -> Bool) -> ServerMessage? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            guard let message = next(timeout: max(0.05, deadline.timeIntervalSinceNow)) else { return nil }
            if match(message) { return message }
        }
        return nil
    }

    /// The next event whose wire name is `name`.
    func expect(_ name: ServerEventName, timeout: Double = 5) -> ServerMessage? {
        expect(timeout: timeout) { $0.event.name == name }
    }

    /// True if no event named `name` arrives within `timeout`.
    func silent(about name: ServerEventName, for timeout: Double) -> Bool {
        expect(name, timeout: timeout) == nil
    }
}
