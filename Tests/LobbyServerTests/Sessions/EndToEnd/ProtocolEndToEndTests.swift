import Foundation
import GameEvents
import Testing
@testable import LobbyServer

/// The envelope, heartbeat, error codes and rate limits over real sockets.
@Suite struct ProtocolEndToEndTests {
    @Test func heartbeatIsAnsweredWithServerTimeAndReplyTo() throws {
        let server = try TestServer()
        defer { server.stop() }
        let alice = try SessionClient(port: server.port, user: "u-alice")
        alice.send("system.heartbeat", #"{"clientTime":123}"#, id: "h1")
        let answer = try #require(alice.expect(.heartbeatAck))
        #expect(answer.replyTo == "h1")
        guard case .heartbeatAck(let ack) = answer.event else { return }
        #expect(ack.clientTime == 123)
        #expect(abs(ack.serverTime - Int64(Date().timeIntervalSince1970 * 1000)) < 5_000)
    }

    /// Each malformed message gets its error code, with replyTo when the id was readable, and the connection stays.
    @Test(arguments: [
        (#"not json"#, "invalid_json", nil as String?),
        (#"{"type":"lobby:teleport","id":"x1"}"#, "unknown_event", "x1"),
        (#"{"type":"friend:add","payload":{"userId":7},"id":"x2"}"#, "invalid_payload", "x2"),
        (#"{"type":"chat:history","payload":{"with":"u-b","limit":500},"id":"x3"}"#, "invalid_payload", "x3"),
        (#"{"payload":{}}"#, "invalid_payload", nil),
    ])
    func malformedMessagesGetPreciseErrors(text: String, code: String, replyTo: String?) throws {
        let server = try TestServer()
        defer { server.stop() }
        let alice = try SessionClient(port: server.port, user: "u-alice")
        alice.raw.sendText(text)
        let answer = try #require(alice.expect(.systemError))
        guard case .systemError(let error) = answer.event else { return }
        #expect(error.code.rawValue == code)
        #expect(answer.replyTo == replyTo)
        alice.send("system.heartbeat", id: "still-open")
        #expect(alice.expect(.heartbeatAck)?.replyTo == "still-open")
    }

    @Test func binaryFramesAreInvalidPayload() throws {
        let server = try TestServer()
        defer { server.stop() }
        let alice = try SessionClient(port: server.port, user: "u-alice")
        alice.raw.sendFrame(.binary, [1, 2, 3])
        guard case .systemError(let error)? = alice.expect(.systemError)?.event else {
            Issue.record("no error")
            return
        }
        #expect(error.code == .invalidPayload)
    }

    @Test func chatOverItsLimitIsRateLimitedWithRetryAfter() throws {
        let server = try TestServer { $0.rateLimits = "chat=3/1" }
        defer { server.stop() }
        _ = try SessionClient(port: server.port, user: "u-bob")
        let alice = try SessionClient(port: server.port, user: "u-alice")
        for i in 0..<3 { alice.send("chat:send_message", #"{"to":"u-bob","text":"hi \#(i)"}"#, id: "m\(i)") }
        alice.send("chat:send_message", #"{"to":"u-bob","text":"one too many"}"#, id: "m3")
        let limited = try #require(alice.expect { $0.replyTo == "m3" })
        guard case .systemError(let error) = limited.event else {
            Issue.record("expected rate_limited, got \(limited.event.name)")
            return
        }
        #expect(error.code == .rateLimited)
        #expect((error.retryAfterMs ?? 0) > 0)
        #expect(server.stats.rateLimited.load() >= 1)
    }

    @Test func sustainedAbuseIsClosedWith1008() throws {
        let server = try TestServer { $0.rateLimits = "other=1/0.001" }
        defer { server.stop() }
        let alice = try SessionClient(port: server.port, user: "u-alice")
        for i in 0..<40 { alice.send("friend:list", id: "l\(i)") }
        #expect(alice.raw.closeCode() == .some(1008))
        #expect(server.stats.abuseCloses.load() == 1)
    }
}
