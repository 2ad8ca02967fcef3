import Foundation
import GameEvents
import Testing
@testable import LobbyServer

/// Friends, presence and direct messages with several real clients.
@Suite struct SocialEndToEndTests {
    /// Makes alice and bob friends (alice asks, bob accepts) and returns once both saw `friend:added`.
    static func befriend(_ alice: SessionClient, _ bob: SessionClient) throws {
        alice.send("friend:add", #"{"userId":"\#(bob.ack!.userId.rawValue)"}"#, id: "f1")
        #expect(alice.expect(.friendRequestSent)?.replyTo == "f1")
        #expect(bob.expect(.friendRequest) != nil)
        bob.send("friend:add", #"{"userId":"\#(alice.ack!.userId.rawValue)"}"#, id: "f2")
        #expect(bob.expect(.friendAdded)?.replyTo == "f2")
        #expect(alice.expect(.friendAdded) != nil)
    }

    @Test func friendRequestAcceptListAndRemove() throws {
        let server = try TestServer()
        defer { server.stop() }
        let alice = try SessionClient(port: server.port, user: "u-alice", username: "alice")
        let bob = try SessionClient(port: server.port, user: "u-bob", username: "bob")
        try Self.befriend(alice, bob)
        alice.send("friend:list", id: "l1")
        guard case .friendList(let list)? = alice.expect(.friendList)?.event else {
            Issue.record("no friend:list")
            return
        }
        #expect(list.friends.map(\.userId.rawValue) == ["u-bob"])
        #expect(list.friends.first?.status == .online)
        #expect(list.incoming.isEmpty && list.outgoing.isEmpty)
        alice.send("friend:remove", #"{"userId":"u-bob"}"#, id: "r1")
        #expect(alice.expect(.friendRemoved)?.replyTo == "r1")
        #expect(bob.expect(.friendRemoved) != nil)
        alice.send("friend:remove", #"{"userId":"u-bob"}"#, id: "r2")
        guard case .systemError(let error)? = alice.expect(.systemError)?.event else { return }
        #expect(error.code == .notFound)
    }

    @Test func friendErrors() throws {
        let server = try TestServer()
        defer { server.stop() }
        let alice = try SessionClient(port: server.port, user: "u-alice")
        alice.send("friend:add", #"{"userId":"u-nobody"}"#, id: "a")
        guard case .systemError(let unknown)? = alice.expect(.systemError)?.event else { return }
        #expect(unknown.code == .notFound)
        alice.send("friend:add", #"{"userId":"u-alice"}"#, id: "b")
        guard case .systemError(let selfAdd)? = alice.expect(.systemError)?.event else { return }
        #expect(selfAdd.code == .conflict)
    }

    @Test func presenceIsPerUserAndDebounced() throws {
        let server = try TestServer { $0.presenceGraceMs = 300 }
        defer { server.stop() }
        let alice = try SessionClient(port: server.port, user: "u-alice")
        var bob: SessionClient? = try SessionClient(port: server.port, user: "u-bob")
        try Self.befriend(alice, bob!)
        // A second connection of bob: no presence change for alice.
        var bobTab: SessionClient? = try SessionClient(port: server.port, user: "u-bob")
        #expect(alice.silent(about: .friendOnline, for: 0.3))
        // Status is per user: alice sees it; bob's other tab sees it too.
        bob!.send("user:status", #"{"status":"away"}"#, id: "s1")
        #expect(bob!.expect(.userStatus)?.replyTo == "s1")
        guard case .userStatus(let seen)? = alice.expect(.userStatus)?.event else { return }
        #expect(seen.status == .away && seen.userId.rawValue == "u-bob")
        #expect(bobTab!.expect(.userStatus) != nil)
        // Closing one of two connections: still online.
        bobTab!.raw.sendClose(1000)
        bobTab = nil
        #expect(alice.silent(about: .friendOffline, for: 0.6))
        // Reconnect within the grace period: friends see nothing.
        bob!.raw.sendClose(1000)
        bob = nil
        usleep(100_000)
        bob = try SessionClient(port: server.port, user: "u-bob")
        #expect(alice.silent(about: .friendOffline, for: 0.6))
        // Leaving for good: offline after the grace period.
        bob!.raw.sendClose(1000)
        bob = nil
        guard case .friendOffline(let gone)? = alice.expect(.friendOffline, timeout: 3)?.event else {
            Issue.record("no friend:offline")
            return
        }
        #expect(gone.userId.rawValue == "u-bob")
        // Coming back: friend:online.
        bob = try SessionClient(port: server.port, user: "u-bob")
        #expect(alice.expect(.friendOnline) != nil)
    }

    @Test func directMessagesReachEveryConnectionOfBothUsersAndAreIdempotent() throws {
        let server = try TestServer()
        defer { server.stop() }
        let alice = try SessionClient(port: server.port, user: "u-alice", username: "alice")
        let bob = try SessionClient(port: server.port, user: "u-bob", username: "bob")
        let bobPhone = try SessionClient(port: server.port, user: "u-bob", username: "bob")
        alice.send("chat:send_message", #"{"to":"u-bob","text":"  gg,\u0007 rematch?  "}"#, id: "m-1")
        let mine = try #require(alice.expect(.chatReceiveMessage))
        #expect(mine.replyTo == "m-1")
        guard case .receiveMessage(let sent) = mine.event else { return }
        #expect(sent.text == "gg, rematch?")
        #expect(sent.from.rawValue == "u-alice" && sent.fromUsername == "alice")
        for device in [bob, bobPhone] {
            guard case .receiveMessage(let got)? = device.expect(.chatReceiveMessage)?.event else {
                Issue.record("bob did not get the message")
                continue
            }
            #expect(got.messageId == sent.messageId)
        }
        // A retry with the same id after a reconnect: same message id, no duplicate for bob.
        alice.send("chat:send_message", #"{"to":"u-bob","text":"gg, rematch?"}"#, id: "m-1")
        guard case .receiveMessage(let again)? = alice.expect(.chatReceiveMessage)?.event else { return }
        #expect(again.messageId == sent.messageId)
        #expect(bob.silent(about: .chatReceiveMessage, for: 0.3))
        // Typing and read receipts.
        alice.send("chat:typing_start", #"{"to":"u-bob"}"#)
        guard case .typingStart(let typing)? = bob.expect(.chatTypingStart)?.event else { return }
        #expect(typing.from.rawValue == "u-alice")
        alice.send("chat:typing_stop", #"{"to":"u-bob"}"#)
        guard case .typingStop(let stopped)? = bob.expect(.chatTypingStop)?.event else { return }
        #expect(stopped.from.rawValue == "u-alice")
        bob.send("chat:message_read", #"{"with":"u-alice","messageId":\#(sent.messageId.rawValue)}"#, id: "r")
        #expect(bob.expect(.chatMessageRead)?.replyTo == "r")
        guard case .messageRead(let receipt)? = alice.expect(.chatMessageRead)?.event else { return }
        #expect(receipt.by.rawValue == "u-bob" && receipt.messageId == sent.messageId)
        bob.send("chat:message_read", #"{"with":"u-alice","messageId":999999}"#, id: "r2")
        guard case .systemError(let missing)? = bob.expect(.systemError)?.event else { return }
        #expect(missing.code == .notFound)
    }

    @Test func directMessageErrors() throws {
        let server = try TestServer()
        defer { server.stop() }
        let alice = try SessionClient(port: server.port, user: "u-alice")
        alice.send("chat:send_message", #"{"to":"u-ghost","text":"hello?"}"#, id: "g")
        guard case .systemError(let ghost)? = alice.expect(.systemError)?.event else { return }
        #expect(ghost.code == .notFound)
        alice.send("chat:send_message", #"{"to":"u-alice","text":"me"}"#, id: "s")
        guard case .systemError(let me)? = alice.expect(.systemError)?.event else { return }
        #expect(me.code == .conflict)
        alice.send("chat:send_message", #"{"to":"u-x","text":"\#(String(repeating: "a", count: 2001))"}"#, id: "big")
        guard case .systemError(let big)? = alice.expect(.systemError)?.event else { return }
        #expect(big.code == .payloadTooLarge)
    }

    @Test func storageFailureIsAnsweredWithInternalAndTheConnectionStays() throws {
        let server = try TestServer()
        defer { server.stop() }
        let alice = try SessionClient(port: server.port, user: "u-alice")
        #expect(TestServer.eventually { server.app.writer?.statistics.jobs ?? 0 >= 1 })
        server.app.writer?.close()   // the database goes away under a running server
        alice.send("friend:list", id: "l")
        let answer = try #require(alice.expect { $0.replyTo == "l" })
        guard case .systemError(let error) = answer.event else {
            Issue.record("expected internal, got \(answer.event.name)")
            return
        }
        #expect(error.code == .internal)
        alice.send("system.heartbeat", id: "alive")
        #expect(alice.expect(.heartbeatAck)?.replyTo == "alive")
    }

    @Test func historyPagesAndSurvivesARestart() throws {
        let database = TestServer.temporaryDatabase()
        var server: TestServer? = try TestServer { $0.databasePath = database }
        do {
            let alice = try SessionClient(port: server!.port, user: "u-alice")
            _ = try SessionClient(port: server!.port, user: "u-bob")
            for i in 1...5 {
                alice.send("chat:send_message", #"{"to":"u-bob","text":"message \#(i)"}"#, id: "h\(i)")
                #expect(alice.expect { $0.replyTo == "h\(i)" } != nil)
            }
        }
        server!.stop()
        server = try TestServer { $0.databasePath = database }
        defer { server!.stop() }
        let bob = try SessionClient(port: server!.port, user: "u-bob")
        bob.send("chat:history", #"{"with":"u-alice","limit":2}"#, id: "p1")
        guard case .history(let latest)? = bob.expect(.chatHistory)?.event else {
            Issue.record("no history")
            return
        }
        #expect(latest.messages.map(\.text) == ["message 4", "message 5"])
        #expect(latest.hasMore)
        let oldest = latest.messages[0].messageId.rawValue
        bob.send("chat:history", #"{"with":"u-alice","before":\#(oldest),"limit":10}"#, id: "p2")
        guard case .history(let earlier)? = bob.expect(.chatHistory)?.event else { return }
        #expect(earlier.messages.map(\.text) == ["message 1", "message 2", "message 3"])
        #expect(!earlier.hasMore)
        #expect(earlier.messages.allSatisfy { $0.fromUsername == "u-alice" })
    }
}
