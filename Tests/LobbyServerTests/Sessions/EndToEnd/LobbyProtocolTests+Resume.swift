import Foundation
import GameEvents
import Testing
@testable import LobbyServer

/// docs/protocol.md, "Resuming a session": `session.resumed` streams (`recovered`, `gap`, `reset`) for lobby events
/// and chat, resuming outside a lobby or in another one, and `session.resume` payload errors.
extension LobbyProtocolTests {
    /// Drops `client`'s socket without a close handshake and returns its resume token.
    static func drop(_ client: inout SessionClient?) throws -> String {
        let token = try #require(client?.ack?.resumeToken)
        client = nil
        return token
    }

    /// `session.resumed` answering `id`.
    static func resumed(_ client: SessionClient, _ id: String) -> SessionResumed? {
        guard case .sessionResumed(let resumed)? = answer(client, id)?.event else { return nil }
        return resumed
    }

    @Test func resumeRecoversMissedLobbyEventsAfterLastLobbyVersion() throws {
        let server = try Self.server()
        defer { server.stop() }
        let alice = try SessionClient(port: server.port, user: "u-alice")
        var bob: SessionClient? = try SessionClient(port: server.port, user: "u-bob")
        let carol = try SessionClient(port: server.port, user: "u-carol")
        let dave = try SessionClient(port: server.port, user: "u-dave")
        let lobby = try Self.create(alice)
        let seen = try Self.join(bob!, lobby.id).version
        let token = try Self.drop(&bob)
        _ = LobbyEndToEndTests.lobby(alice) { $0.players.contains { !$0.connected } }
        Self.ready(alice, id: "r")  // a change that is not an event
        try Self.join(carol, lobby.id)
        try Self.join(dave, lobby.id)
        dave.send("lobby:leave", id: "x")
        _ = Self.answer(dave, "x")
        var back: SessionClient? = try SessionClient(port: server.port, user: "u-bob")
        back!.send("session.resume", #"{"resumeToken":"\#(token)","lastLobbyVersion":\#(seen)}"#, id: "s")
        let resumed = try #require(Self.resumed(back!, "s"))
        #expect(resumed.lobby?.id == lobby.id && resumed.streams.chat == .reset)
        guard case .recovered(let events) = resumed.streams.lobbyEvents else {
            Issue.record("lobby events not recovered: \(resumed.streams.lobbyEvents)")
            return
        }
        let described = events.map { event -> String in
            switch event {
            case .playerJoined(let join): return "join \(join.player.userId.rawValue)"
            case .playerLeft(let leave): return "leave \(leave.userId.rawValue) \(leave.reason.rawValue)"
            default: return "\(event.name.rawValue)"
            }
        }
        #expect(described == ["join u-carol", "join u-dave", "leave u-dave left"])
        // Caught up: resuming from the current version recovers nothing; a version the lobby never had resets.
        let current = try #require(resumed.lobby?.version)
        let token2 = try Self.drop(&back)
        var third: SessionClient? = try SessionClient(port: server.port, user: "u-bob")
        third!.send("session.resume", #"{"resumeToken":"\#(token2)","lastLobbyVersion":\#(current + 100)}"#, id: "s2")
        let ahead = try #require(Self.resumed(third!, "s2"))
        #expect(ahead.streams.lobbyEvents == .reset && ahead.streams.chat == .reset)
        let token3 = try Self.drop(&third)
        let fourth = try SessionClient(port: server.port, user: "u-bob")
        let latest = try #require(fourth.expect(.lobbyUpdate).flatMap(Self.state))
        fourth.send("session.resume", #"{"resumeToken":"\#(token3)","lastLobbyVersion":\#(latest.version)}"#, id: "s3")
        #expect(Self.resumed(fourth, "s3")?.streams.lobbyEvents == .recovered([]))
    }

    @Test func resumeReportsAGapWhenTheEventLogNoLongerReachesBack() throws {
        let server = try Self.server()
        defer { server.stop() }
        let alice = try SessionClient(port: server.port, user: "u-alice")
        var bob: SessionClient? = try SessionClient(port: server.port, user: "u-bob")
        let carol = try SessionClient(port: server.port, user: "u-carol")
        let lobby = try Self.create(alice)
        let seen = try Self.join(bob!, lobby.id).version  // 2, and the log holds bob's join
        let token = try Self.drop(&bob)  // version 3
        _ = LobbyEndToEndTests.lobby(alice) { $0.players.contains { !$0.connected } }
        // Carol joins and leaves until the log has dropped bob's join and two of her events.
        let capacity = LobbyEventLog.capacity
        for cycle in 0..<(capacity / 2 + 1) {
            try Self.join(carol, lobby.id, id: "j\(cycle)")
            carol.send("lobby:leave", id: "x\(cycle)")
            _ = Self.answer(carol, "x\(cycle)")
        }
        let back = try SessionClient(port: server.port, user: "u-bob")
        back.send("session.resume", #"{"resumeToken":"\#(token)","lastLobbyVersion":\#(seen)}"#, id: "s")
        let resumed = try #require(Self.resumed(back, "s"))
        guard case .gap(let missed, let rest) = resumed.streams.lobbyEvents else {
            Issue.record("expected a gap: \(resumed.streams.lobbyEvents)")
            return
        }
        // Dropped: bob's join (version 2), carol's first join (4) and leave (5): versions 3-5 are unknown.
        #expect(missed == 3 && rest.count == capacity)
        guard case .playerJoined(let first)? = rest.first else {
            Issue.record("the rest should start with carol's second join: \(String(describing: rest.first))")
            return
        }
        #expect(first.player.userId.rawValue == "u-carol")
        #expect(resumed.lobby?.players.map(\.userId.rawValue) == ["u-alice", "u-bob"])
    }

    @Test func resumeChatGapBeyondTheLimitAndResetForAForeignId() throws {
        let server = try Self.server()
        defer { server.stop() }
        let alice = try SessionClient(port: server.port, user: "u-alice")
        var bob: SessionClient? = try SessionClient(port: server.port, user: "u-bob")
        let lobby = try Self.create(alice)
        try Self.join(bob!, lobby.id)
        alice.send("lobby:chat", #"{"text":"first"}"#, id: "m0")
        _ = Self.answer(alice, "m0")
        let token = try Self.drop(&bob)
        let missed = Hub.resumeChatLimit + 3
        for i in 1...missed {
            alice.send("lobby:chat", #"{"text":"n\#(i)"}"#, id: "m\(i)")
            _ = Self.answer(alice, "m\(i)")
        }
        var back: SessionClient? = try SessionClient(port: server.port, user: "u-bob")
        back!.send("session.resume", #"{"resumeToken":"\#(token)","lastChatId":1,"lastLobbyVersion":1}"#, id: "s")
        let resumed = try #require(Self.resumed(back!, "s"))
        guard case .gap(let count, let messages) = resumed.streams.chat else {
            Issue.record("expected a chat gap: \(resumed.streams.chat)")
            return
        }
        #expect(count == 3 && messages.count == Hub.resumeChatLimit)
        #expect(messages.first?.messageId.rawValue == 5 && messages.last?.messageId.rawValue == Int64(missed + 1))
        // A chat id beyond the lobby's newest is not from this lobby: reset.
        let token2 = try Self.drop(&back)
        let third = try SessionClient(port: server.port, user: "u-bob")
        third.send("session.resume", #"{"resumeToken":"\#(token2)","lastChatId":\#(missed + 50)}"#, id: "s2")
        #expect(Self.resumed(third, "s2")?.streams.chat == .reset)
    }

    @Test func resumeOutsideALobbyOrInAnotherOneResetsBothStreams() throws {
        let server = try Self.server()
        defer { server.stop() }
        // In no lobby: no lobby, both reset, whatever the positions.
        var carol: SessionClient? = try SessionClient(port: server.port, user: "u-carol")
        let carolToken = try Self.drop(&carol)
        let carolBack = try SessionClient(port: server.port, user: "u-carol")
        carolBack.send("session.resume", #"{"resumeToken":"\#(carolToken)","lastChatId":3,"lastLobbyVersion":2}"#,
                       id: "s")
        let alone = try #require(Self.resumed(carolBack, "s"))
        #expect(alone.lobby == nil && alone.streams.chat == .reset && alone.streams.lobbyEvents == .reset)
        // In another lobby than when the connection dropped: the positions mean nothing there.
        let alice = try SessionClient(port: server.port, user: "u-alice")
        var bob: SessionClient? = try SessionClient(port: server.port, user: "u-bob")
        let bobTab = try SessionClient(port: server.port, user: "u-bob")
        let first = try Self.create(alice)
        try Self.join(bob!, first.id)
        alice.send("lobby:chat", #"{"text":"x"}"#, id: "m")
        _ = Self.answer(alice, "m")
        let token = try Self.drop(&bob)
        usleep(200_000)  // let the server see the close while bob is still in the first lobby
        bobTab.send("lobby:leave", id: "x")
        _ = Self.answer(bobTab, "x")
        let second = try Self.create(bobTab, #"{"name":"mine"}"#)
        let back = try SessionClient(port: server.port, user: "u-bob")
        back.send("session.resume", #"{"resumeToken":"\#(token)","lastChatId":1,"lastLobbyVersion":1}"#, id: "s")
        let elsewhere = try #require(Self.resumed(back, "s"))
        #expect(elsewhere.lobby?.id == second.id)
        #expect(elsewhere.streams.chat == .reset && elsewhere.streams.lobbyEvents == .reset)
    }

    @Test func resumePayloadErrors() throws {
        let server = try Self.server()
        defer { server.stop() }
        let bob = try SessionClient(port: server.port, user: "u-bob")
        let cases: [(String, String)] = [
            ("{}", "payload.resumeToken"), (#"{"resumeToken":""}"#, "payload.resumeToken"),
            (#"{"resumeToken":"has space"}"#, "payload.resumeToken"), (#"{"resumeToken":7}"#, "payload.resumeToken"),
            (#"{"resumeToken":"rt.x","lastChatId":0}"#, "payload.lastChatId"),
            (#"{"resumeToken":"rt.x","lastChatId":"5"}"#, "payload.lastChatId"),
            (#"{"resumeToken":"rt.x","lastLobbyVersion":0}"#, "payload.lastLobbyVersion"),
            (#"{"resumeToken":"rt.x","lastLobbyVersion":1.5}"#, "payload.lastLobbyVersion"),
        ]
        for (index, (payload, field)) in cases.enumerated() {
            bob.send("session.resume", payload, id: "e\(index)")
            let error = try #require(Self.error(bob, "e\(index)"), "\(payload)")
            #expect(error.code == .invalidPayload && error.field == field, "\(payload): \(error)")
        }
        // A well-formed but unknown token is not an error: session.expired.
        bob.send("session.resume", #"{"resumeToken":"rt.unknown"}"#, id: "u")
        guard case .sessionExpired(let expired)? = Self.answer(bob, "u")?.event else {
            Issue.record("no session.expired")
            return
        }
        #expect(expired.reason == .unknownToken)
    }
}
