import Foundation
import GameEvents
import Testing
@testable import LobbyServer

/// Full lobby flows with several real clients over /ws.
@Suite struct LobbyEndToEndTests {
    static func server(_ configure: (inout Config) -> Void = { _ in }) throws -> TestServer {
        try TestServer {
            $0.lobbyCountdownMs = 300
            $0.lobbyReconnectGraceMs = 600
            $0.lobbyInvitationTtlMs = 1_000
            $0.rateLimits = "chat=200/200,user.chat=400/400"   // these tests chat faster than a person
            configure(&$0)
        }
    }

    /// The lobby in the next `lobby:created` / `lobby:joined` / `lobby:update` that satisfies `match`.
    static func lobby(_ client: SessionClient, _ name: ServerEventName = .lobbyUpdate, timeout: Double = 5,
                      where match: (LobbyState) -> Bool = { _ in true }) -> LobbyState? {
        var found: LobbyState?
        _ = client.expect(timeout: timeout) { message in
            switch message.event {
            case .lobbyCreated(let snapshot), .lobbyJoined(let snapshot), .lobbyUpdate(let snapshot):
                guard message.event.name == name, match(snapshot.lobby) else { return false }
                found = snapshot.lobby
                return true
            default:
                return false
            }
        }
        return found
    }

    static func error(_ client: SessionClient, replyTo id: String) -> SystemError? {
        guard case .systemError(let error)? = client.expect(timeout: 5, { $0.replyTo == id })?.event else { return nil }
        return error
    }

    @Test func createListJoinReadyCountdownStart() throws {
        let server = try Self.server()
        defer { server.stop() }
        let alice = try SessionClient(port: server.port, user: "u-alice", username: "alice")
        let bob = try SessionClient(port: server.port, user: "u-bob", username: "bob")
        alice.send("lobby:create", #"{"name":"Friday pong","maxPlayers":2,"settings":{"pointsToWin":7}}"#, id: "c")
        let created = try #require(Self.lobby(alice, .lobbyCreated))
        #expect(created.state == .waiting && created.hostId.rawValue == "u-alice" && created.settings.pointsToWin == 7)
        bob.send("lobby:list", #"{"hasSpace":true}"#, id: "l")
        guard case .lobbyList(let list)? = bob.expect(.lobbyList)?.event else {
            Issue.record("no lobby:list")
            return
        }
        #expect(list.lobbies.map(\.id) == [created.id])
        bob.send("lobby:join", #"{"lobbyId":"\#(created.id.rawValue)"}"#, id: "j")
        let joined = try #require(Self.lobby(bob, .lobbyJoined))
        #expect(joined.players.map(\.userId.rawValue) == ["u-alice", "u-bob"])
        // Presence follows membership: bob's own connections see him in_lobby.
        guard case .userStatus(let status)? = bob.expect(.userStatus)?.event else { return }
        #expect(status.status == .inLobby && status.lobbyId == created.id)
        guard case .playerJoined(let join)? = alice.expect(.lobbyPlayerJoin)?.event else { return }
        #expect(join.player.userId.rawValue == "u-bob")
        // A full lobby refuses a third player.
        let carol = try SessionClient(port: server.port, user: "u-carol")
        carol.send("lobby:join", #"{"lobbyId":"\#(created.id.rawValue)"}"#, id: "full")
        #expect(Self.error(carol, replyTo: "full")?.reason == "lobby_full")
        // Customization is validated and shown.
        bob.send("lobby:customization", ##"{"paddleColor":"#00ff88"}"##, id: "p")
        #expect(Self.lobby(alice) { $0.players.last?.customization.paddleColor.rawValue == "#00FF88" } != nil)
        // Both ready: countdown; bob un-readies: cancelled; ready again: countdown, then in_game.
        alice.send("lobby:ready", #"{"ready":true}"#, id: "r1")
        bob.send("lobby:ready", #"{"ready":true}"#, id: "r2")
        #expect(Self.lobby(alice) { $0.state == .countdown && $0.countdownEndsAt != nil } != nil)
        bob.send("lobby:ready", #"{"ready":false}"#, id: "r3")
        #expect(Self.lobby(alice) { $0.state == .waiting } != nil)
        bob.send("lobby:ready", #"{"ready":true}"#, id: "r4")
        #expect(Self.lobby(alice) { $0.state == .countdown } != nil)
        #expect(Self.lobby(bob, timeout: 3) { $0.state == .inGame } != nil)
    }

    @Test func hostOnlyStartAndClose() throws {
        let server = try Self.server { $0.lobbyCountdownMs = 60_000 }
        defer { server.stop() }
        let alice = try SessionClient(port: server.port, user: "u-alice")
        let bob = try SessionClient(port: server.port, user: "u-bob")
        alice.send("lobby:create", #"{"name":"host test"}"#, id: "c")
        let lobby = try #require(Self.lobby(alice, .lobbyCreated))
        bob.send("lobby:join", #"{"lobbyId":"\#(lobby.id.rawValue)"}"#, id: "j")
        _ = Self.lobby(bob, .lobbyJoined)
        alice.send("lobby:start", id: "s0")
        #expect(Self.error(alice, replyTo: "s0")?.reason == "not_ready")
        alice.send("lobby:ready", #"{"ready":true}"#)
        bob.send("lobby:ready", #"{"ready":true}"#)
        #expect(Self.lobby(alice) { $0.state == .countdown } != nil)
        bob.send("lobby:start", id: "s1")
        #expect(Self.error(bob, replyTo: "s1")?.code == .forbidden)
        alice.send("lobby:start", id: "s2")  // skips the (long) countdown
        #expect(Self.lobby(bob) { $0.state == .inGame } != nil)
        alice.send("lobby:close", id: "x")
        guard case .lobbyClosed(let closed)? = bob.expect(.lobbyClosed)?.event else {
            Issue.record("no lobby:closed")
            return
        }
        #expect(closed.reason == .hostClosed)
    }

    @Test func hostMigratesWhenTheHostLeavesAndEmptyLobbiesClose() throws {
        let server = try Self.server()
        defer { server.stop() }
        let alice = try SessionClient(port: server.port, user: "u-alice")
        let bob = try SessionClient(port: server.port, user: "u-bob")
        alice.send("lobby:create", #"{"name":"migrate","maxPlayers":4}"#, id: "c")
        let lobby = try #require(Self.lobby(alice, .lobbyCreated))
        bob.send("lobby:join", #"{"lobbyId":"\#(lobby.id.rawValue)"}"#, id: "j")
        _ = Self.lobby(bob, .lobbyJoined)
        alice.send("lobby:leave", id: "bye")
        #expect(alice.expect(.lobbyLeft)?.replyTo == "bye")
        guard case .playerLeft(let left)? = bob.expect(.lobbyPlayerLeave)?.event else { return }
        #expect(left.userId.rawValue == "u-alice" && left.reason == .left)
        #expect(Self.lobby(bob) { $0.hostId.rawValue == "u-bob" && $0.players.count == 1 } != nil)
        bob.send("lobby:leave", id: "last")
        #expect(bob.expect(.lobbyLeft) != nil)
        alice.send("lobby:list", id: "l")
        guard case .lobbyList(let list)? = alice.expect(.lobbyList)?.event else { return }
        #expect(list.lobbies.isEmpty)
    }

    @Test func oneLobbyAtATime() throws {
        let server = try Self.server()
        defer { server.stop() }
        let alice = try SessionClient(port: server.port, user: "u-alice")
        let bob = try SessionClient(port: server.port, user: "u-bob")
        alice.send("lobby:create", #"{"name":"a"}"#, id: "c1")
        _ = Self.lobby(alice, .lobbyCreated)
        bob.send("lobby:create", #"{"name":"b"}"#, id: "c2")
        let other = try #require(Self.lobby(bob, .lobbyCreated))
        alice.send("lobby:join", #"{"lobbyId":"\#(other.id.rawValue)"}"#, id: "j")
        #expect(Self.error(alice, replyTo: "j")?.reason == "in_another_lobby")
        alice.send("lobby:create", #"{"name":"x","maxPlayers":9}"#, id: "bad")
        let bad = try #require(Self.error(alice, replyTo: "bad"))
        #expect(bad.code == .invalidPayload && bad.field == "payload.maxPlayers")
    }

    @Test func privateLobbyByInvitationOnly() throws {
        let server = try Self.server()
        defer { server.stop() }
        let alice = try SessionClient(port: server.port, user: "u-alice", username: "alice")
        let bob = try SessionClient(port: server.port, user: "u-bob")
        let carol = try SessionClient(port: server.port, user: "u-carol")
        let dave = try SessionClient(port: server.port, user: "u-dave")
        alice.send("lobby:create", #"{"name":"secret","private":true,"maxPlayers":4}"#, id: "c")
        let lobby = try #require(Self.lobby(alice, .lobbyCreated))
        bob.send("lobby:join", #"{"lobbyId":"\#(lobby.id.rawValue)"}"#, id: "j")
        #expect(Self.error(bob, replyTo: "j")?.reason == "private_lobby")
        bob.send("lobby:list", id: "l")
        guard case .lobbyList(let list)? = bob.expect(.lobbyList)?.event else { return }
        #expect(list.lobbies.isEmpty)
        // Invite bob: accept joins him.
        alice.send("lobby:invite", #"{"userId":"u-bob"}"#, id: "i1")
        #expect(alice.expect(.lobbyInviteSent)?.replyTo == "i1")
        guard case .invitation(let invitation)? = bob.expect(.lobbyInvitation)?.event else { return }
        #expect(invitation.lobbyId == lobby.id && invitation.from.username == "alice")
        bob.send("lobby:accept", #"{"invitationId":"\#(invitation.invitationId.rawValue)"}"#, id: "a")
        #expect(Self.lobby(bob, .lobbyJoined) != nil)
        bob.send("lobby:accept", #"{"invitationId":"\#(invitation.invitationId.rawValue)"}"#, id: "a2")
        #expect(Self.error(bob, replyTo: "a2")?.code == .conflict)
        // Invite carol: decline notifies the inviter.
        alice.send("lobby:invite", #"{"userId":"u-carol"}"#, id: "i2")
        guard case .invitation(let second)? = carol.expect(.lobbyInvitation)?.event else { return }
        carol.send("lobby:decline", #"{"invitationId":"\#(second.invitationId.rawValue)"}"#, id: "d")
        #expect(carol.expect(.lobbyInvitationDeclined)?.replyTo == "d")
        guard case .invitationDeclined(let declined)? = alice.expect(.lobbyInvitationDeclined)?.event else { return }
        #expect(declined.by.rawValue == "u-carol")
        // Invite dave and let it expire.
        alice.send("lobby:invite", #"{"userId":"u-dave"}"#, id: "i3")
        guard case .invitation(let third)? = dave.expect(.lobbyInvitation)?.event else { return }
        usleep(1_200_000)
        dave.send("lobby:accept", #"{"invitationId":"\#(third.invitationId.rawValue)"}"#, id: "late")
        #expect(Self.error(dave, replyTo: "late")?.reason == "invitation_expired")
    }

    @Test func disconnectedMemberKeepsTheSeatWithinTheGraceAndLosesItAfter() throws {
        let server = try Self.server { $0.lobbyReconnectGraceMs = 800 }
        defer { server.stop() }
        let alice = try SessionClient(port: server.port, user: "u-alice")
        var bob: SessionClient? = try SessionClient(port: server.port, user: "u-bob")
        alice.send("lobby:create", #"{"name":"grace","maxPlayers":3}"#, id: "c")
        let lobby = try #require(Self.lobby(alice, .lobbyCreated))
        bob!.send("lobby:join", #"{"lobbyId":"\#(lobby.id.rawValue)"}"#, id: "j")
        _ = Self.lobby(bob!, .lobbyJoined)
        // Drop bob's socket without a close handshake.
        bob = nil
        #expect(Self.lobby(alice) { $0.players.first { $0.userId.rawValue == "u-bob" }?.connected == false } != nil)
        // Back within the grace period: restored, and he gets the state.
        bob = try SessionClient(port: server.port, user: "u-bob")
        #expect(Self.lobby(bob!) { $0.players.first { $0.userId.rawValue == "u-bob" }?.connected == true } != nil)
        #expect(Self.lobby(alice) { $0.players.first { $0.userId.rawValue == "u-bob" }?.connected == true } != nil)
        // Gone for longer than the grace period: removed, with the reason.
        bob = nil
        guard case .playerLeft(let left)? = alice.expect(.lobbyPlayerLeave, timeout: 4)?.event else {
            Issue.record("bob was not removed after the grace period")
            return
        }
        #expect(left.reason == .disconnected)
    }

    @Test func chatIsBroadcastStoredIdempotentAndPagedAcrossARestart() throws {
        let database = TestServer.temporaryDatabase()
        var server: TestServer? = try Self.server { $0.databasePath = database }
        let lobbyId: LobbyID
        do {
            let alice = try SessionClient(port: server!.port, user: "u-alice", username: "alice")
            let bob = try SessionClient(port: server!.port, user: "u-bob", username: "bob")
            alice.send("lobby:create", #"{"name":"chatty","maxPlayers":3}"#, id: "c")
            let lobby = try #require(Self.lobby(alice, .lobbyCreated))
            lobbyId = lobby.id
            bob.send("lobby:join", #"{"lobbyId":"\#(lobby.id.rawValue)"}"#, id: "j")
            _ = Self.lobby(bob, .lobbyJoined)
            for i in 1...12 {
                alice.send("lobby:chat", #"{"text":"line \#(i)"}"#, id: "m\(i)")
                guard case .lobbyChat(let sent)? = alice.expect(timeout: 5, { $0.replyTo == "m\(i)" })?.event else {
                    Issue.record("no ack for message \(i)")
                    return
                }
                #expect(sent.messageId.rawValue == Int64(i))
            }
            guard case .lobbyChat(let seen)? = bob.expect(.lobbyChat)?.event else { return }
            #expect(seen.text == "line 1" && seen.username == "alice")
            // A resend with the same id: the same message, nothing new for bob.
            alice.send("lobby:chat", #"{"text":"line 12"}"#, id: "m12")
            guard case .lobbyChat(let again)? = alice.expect(timeout: 5, { $0.replyTo == "m12" })?.event else { return }
            #expect(again.messageId.rawValue == 12)
            // Unread counts: bob has read nothing yet; after reading up to 10, 2 are left.
            bob.send("lobby:chat:read", #"{"messageId":10}"#, id: "rd")
            #expect(bob.expect(.lobbyChatRead)?.replyTo == "rd")
            #expect(Self.lobby(alice) { $0.players.first { $0.userId.rawValue == "u-bob" }?.unread == 2 } != nil)
            bob.send("lobby:typing", #"{"typing":true}"#)
            guard case .lobbyTyping(let typing)? = alice.expect(.lobbyTyping)?.event else { return }
            #expect(typing.userId.rawValue == "u-bob" && typing.typing)
        }
        server!.stop()
        // After a restart the lobby is gone (lobbies live in memory) but its chat is stored: read it back
        // through the store the server wrote.
        server = try Self.server { $0.databasePath = database }
        defer { server!.stop() }
        let writer = try #require(server!.app.writer)
        let id = lobbyId.rawValue
        let page = try writer.submitAndWait { stores in
            try stores.lobbyChat.history(lobbyId: id, cursor: .latest, limit: 100)
        }
        #expect(page.messages.map(\.text) == (1...12).map { "line \($0)" })
    }

    @Test func aCleanRestartBringsLobbiesBackWithTheirChat() throws {
        let database = TestServer.temporaryDatabase()
        var server: TestServer? = try Self.server {
            $0.databasePath = database
            $0.lobbyReconnectGraceMs = 5_000
        }
        let lobbyId: LobbyID
        do {
            let alice = try SessionClient(port: server!.port, user: "u-alice", username: "alice")
            let bob = try SessionClient(port: server!.port, user: "u-bob", username: "bob")
            alice.send("lobby:create", #"{"name":"survivor","maxPlayers":3}"#, id: "c")
            let lobby = try #require(Self.lobby(alice, .lobbyCreated))
            lobbyId = lobby.id
            bob.send("lobby:join", #"{"lobbyId":"\#(lobby.id.rawValue)"}"#, id: "j")
            _ = Self.lobby(bob, .lobbyJoined)
            for i in 1...4 {
                alice.send("lobby:chat", #"{"text":"before restart \#(i)"}"#, id: "m\(i)")
                _ = alice.expect(timeout: 5) { $0.replyTo == "m\(i)" }
            }
        }
        server!.stop()
        server = try Self.server {
            $0.databasePath = database
            $0.lobbyReconnectGraceMs = 5_000
        }
        defer { server!.stop() }
        // Alice comes back: she is still in the lobby (restored), shown connected again, bob not yet.
        let alice = try SessionClient(port: server!.port, user: "u-alice", username: "alice")
        let restored = try #require(Self.lobby(alice) { $0.id == lobbyId })
        #expect(restored.players.map(\.userId.rawValue) == ["u-alice", "u-bob"])
        #expect(restored.players.first { $0.userId.rawValue == "u-bob" }?.connected == false)
        #expect(restored.state == .waiting)
        alice.send("lobby:chat:history", #"{"limit":2}"#, id: "h")
        guard case .lobbyHistory(let page)? = alice.expect(.lobbyChatHistory)?.event else {
            Issue.record("no history after restart")
            return
        }
        #expect(page.messages.map(\.text) == ["before restart 3", "before restart 4"] && page.hasMore)
        alice.send("lobby:chat", #"{"text":"after restart"}"#, id: "after")
        guard case .lobbyChat(let next)? = alice.expect(timeout: 5, { $0.replyTo == "after" })?.event else { return }
        #expect(next.messageId.rawValue == 5)
    }

    @Test func historyPagingInsideALobby() throws {
        let server = try Self.server()
        defer { server.stop() }
        let alice = try SessionClient(port: server.port, user: "u-alice")
        alice.send("lobby:create", #"{"name":"paging"}"#, id: "c")
        _ = Self.lobby(alice, .lobbyCreated)
        for i in 1...7 {
            alice.send("lobby:chat", #"{"text":"p\#(i)"}"#, id: "p\(i)")
            _ = alice.expect(timeout: 5) { $0.replyTo == "p\(i)" }
        }
        alice.send("lobby:chat:history", #"{"limit":3}"#, id: "h1")
        guard case .lobbyHistory(let latest)? = alice.expect(.lobbyChatHistory)?.event else { return }
        #expect(latest.messages.map(\.text) == ["p5", "p6", "p7"] && latest.hasMore)
        alice.send("lobby:chat:history", #"{"before":5,"limit":10}"#, id: "h2")
        guard case .lobbyHistory(let earlier)? = alice.expect(.lobbyChatHistory)?.event else { return }
        #expect(earlier.messages.map(\.text) == ["p1", "p2", "p3", "p4"] && !earlier.hasMore)
        alice.send("lobby:chat:history", #"{"after":6}"#, id: "h3")
        guard case .lobbyHistory(let after)? = alice.expect(.lobbyChatHistory)?.event else { return }
        #expect(after.messages.map(\.text) == ["p7"])
    }

    @Test func resumeRecoversMissedChatInOneMessage() throws {
        let server = try Self.server { $0.lobbyReconnectGraceMs = 5_000 }
        defer { server.stop() }
        let alice = try SessionClient(port: server.port, user: "u-alice")
        var bob: SessionClient? = try SessionClient(port: server.port, user: "u-bob")
        let token = try #require(bob!.ack?.resumeToken)
        alice.send("lobby:create", #"{"name":"resume","maxPlayers":2}"#, id: "c")
        let lobby = try #require(Self.lobby(alice, .lobbyCreated))
        bob!.send("lobby:join", #"{"lobbyId":"\#(lobby.id.rawValue)"}"#, id: "j")
        _ = Self.lobby(bob!, .lobbyJoined)
        alice.send("lobby:chat", #"{"text":"before"}"#, id: "b")
        _ = alice.expect(timeout: 5) { $0.replyTo == "b" }
        guard case .lobbyChat(let seen)? = bob!.expect(.lobbyChat)?.event else { return }
        bob = nil   // connection lost
        for i in 1...3 {
            alice.send("lobby:chat", #"{"text":"missed \#(i)"}"#, id: "x\(i)")
            _ = alice.expect(timeout: 5) { $0.replyTo == "x\(i)" }
        }
        bob = try SessionClient(port: server.port, user: "u-bob")
        bob!.send("session.resume", #"{"resumeToken":"\#(token)","lastChatId":\#(seen.messageId.rawValue)}"#, id: "r")
        guard case .sessionResumed(let resumed)? = bob!.expect(.sessionResumed)?.event else {
            Issue.record("no session.resumed")
            return
        }
        #expect(resumed.lobby?.id == lobby.id)
        guard case .recovered(let messages) = resumed.streams.chat else {
            Issue.record("chat not recovered: \(resumed.streams.chat)")
            return
        }
        #expect(messages.map(\.text) == ["missed 1", "missed 2", "missed 3"])
        // The token is single use, and an unknown one is told so.
        bob!.send("session.resume", #"{"resumeToken":"\#(token)"}"#, id: "again")
        guard case .sessionExpired(let expired)? = bob!.expect(.sessionExpired)?.event else { return }
        #expect(expired.reason == .unknownToken)
    }

    @Test func resumeAfterTheGracePeriodIsExpired() throws {
        let server = try Self.server { $0.lobbyReconnectGraceMs = 300 }
        defer { server.stop() }
        var bob: SessionClient? = try SessionClient(port: server.port, user: "u-bob")
        let token = try #require(bob!.ack?.resumeToken)
        bob!.raw.sendClose(1000)
        _ = bob!.raw.closeCode()
        bob = nil
        usleep(600_000)
        let back = try SessionClient(port: server.port, user: "u-bob")
        back.send("session.resume", #"{"resumeToken":"\#(token)"}"#, id: "r")
        guard case .sessionExpired(let expired)? = back.expect(.sessionExpired)?.event else {
            Issue.record("no session.expired")
            return
        }
        #expect(expired.reason == .graceExpired)
    }
}
