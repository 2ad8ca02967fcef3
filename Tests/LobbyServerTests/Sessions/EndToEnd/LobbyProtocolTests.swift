import Foundation
import GameEvents
import Testing
@testable import LobbyServer

/// docs/protocol.md, "Lobbies" and "Resuming a session", claim by claim over real sockets: who gets which
/// message, in which order, with or without `replyTo`; refusals and their `reason`; list filters and paging;
/// resume streams (`recovered`, `gap`, `reset`) and payload errors. Flows already covered by
/// `LobbyEndToEndTests` are not repeated.
@Suite struct LobbyProtocolTests {
    /// A server with short timers and rate limits high enough for scripted clients.
    static func server(_ configure: (inout Config) -> Void = { _ in }) throws -> TestServer {
        try TestServer {
            $0.lobbyCountdownMs = 60_000
            $0.lobbyReconnectGraceMs = 30_000
            $0.rateLimits = "chat=1000/1000,roomJoin=1000/1000,other=1000/1000"
            configure(&$0)
        }
    }

    /// The lobby state a message carries, if it is `lobby:created`, `lobby:joined` or `lobby:update`.
    static func state(_ message: ServerMessage) -> LobbyState? {
        switch message.event {
        case .lobbyCreated(let snapshot), .lobbyJoined(let snapshot), .lobbyUpdate(let snapshot): return snapshot.lobby
        default: return nil
        }
    }

    /// The next message that answers `id`.
    static func answer(_ client: SessionClient, _ id: String) -> ServerMessage? {
        client.expect(timeout: 5) { $0.replyTo == id }
    }

    /// The `system.error` answering `id`.
    static func error(_ client: SessionClient, _ id: String) -> SystemError? {
        LobbyEndToEndTests.error(client, replyTo: id)
    }

    /// The next lobby message (any `lobby:*` event) `client` receives, skipping presence and the like.
    static func nextLobbyMessage(_ client: SessionClient, timeout: Double = 5) -> ServerMessage? {
        client.expect(timeout: timeout) { $0.event.name.rawValue.hasPrefix("lobby:") }
    }

    /// The `lobby:update` (or other state message) `client` receives with `version`, skipping older ones.
    @discardableResult
    static func awaitVersion(_ client: SessionClient, _ version: Int64) -> LobbyState? {
        LobbyEndToEndTests.lobby(client) { $0.version == version }
    }

    /// `client` sends `lobby:ready` and waits for the answer (so the next request sees its effect).
    @discardableResult
    static func ready(_ client: SessionClient, _ ready: Bool = true, id: String) -> LobbyState? {
        client.send("lobby:ready", #"{"ready":\#(ready)}"#, id: id)
        return answer(client, id).flatMap(Self.state)
    }

    /// Creates a lobby as `host` and returns it.
    static func create(_ host: SessionClient, _ payload: String = #"{"name":"test","maxPlayers":4}"#) throws
        -> LobbyState
    {
        host.send("lobby:create", payload, id: "create")
        return try #require(answer(host, "create").flatMap(Self.state))
    }

    /// `client` joins `lobby` and returns the joined state.
    @discardableResult
    static func join(_ client: SessionClient, _ lobby: LobbyID, id: String = "join") throws -> LobbyState {
        client.send("lobby:join", #"{"lobbyId":"\#(lobby.rawValue)"}"#, id: id)
        let message = try #require(answer(client, id))
        #expect(message.event.name == .lobbyJoined, "\(message)")
        return try #require(state(message))
    }

    // MARK: - Lobbies: who gets what

    @Test func createAnswersTheCreatorAndUpdatesTheirOtherConnections() throws {
        let server = try Self.server()
        defer { server.stop() }
        let alice = try SessionClient(port: server.port, user: "u-alice")
        let aliceTab = try SessionClient(port: server.port, user: "u-alice")
        let created = try Self.create(alice)
        #expect(created.version == 1 && created.players.map(\.userId.rawValue) == ["u-alice"])
        let other = try #require(Self.nextLobbyMessage(aliceTab))
        #expect(other.event.name == .lobbyUpdate && other.replyTo == nil && Self.state(other) == created)
        // A member's connection opened later gets the state right after connection.ack.
        let lateTab = try SessionClient(port: server.port, user: "u-alice")
        let first = try #require(lateTab.next())
        #expect(first.event.name == .lobbyUpdate && Self.state(first) == created)
    }

    @Test func joinSendsPlayerJoinThenUpdateToTheOthersAndNoUpdateToTheJoiningConnection() throws {
        let server = try Self.server()
        defer { server.stop() }
        let alice = try SessionClient(port: server.port, user: "u-alice", username: "alice")
        let bob = try SessionClient(port: server.port, user: "u-bob", username: "bob")
        let bobTab = try SessionClient(port: server.port, user: "u-bob", username: "bob")
        let lobby = try Self.create(alice)
        let joined = try Self.join(bob, lobby.id)
        #expect(joined.version == 2 && joined.players.map(\.userId.rawValue) == ["u-alice", "u-bob"])
        // The other members: lobby:player:join, then lobby:update, both without replyTo.
        let first = try #require(Self.nextLobbyMessage(alice))
        guard case .playerJoined(let notice) = first.event else {
            Issue.record("expected lobby:player:join first, got \(first)")
            return
        }
        #expect(notice.lobbyId == lobby.id && notice.player.userId.rawValue == "u-bob" && first.replyTo == nil)
        let second = try #require(Self.nextLobbyMessage(alice))
        #expect(second.event.name == .lobbyUpdate && second.replyTo == nil && Self.state(second) == joined)
        // The joiner's other connection gets the state as lobby:update (no lobby:player:join about himself).
        let tab = try #require(Self.nextLobbyMessage(bobTab))
        #expect(tab.event.name == .lobbyUpdate && Self.state(tab) == joined)
        // The joining connection got lobby:joined only: the next lobby:update it sees answers its next request.
        bob.send("lobby:ready", #"{"ready":true}"#, id: "r")
        let update = try #require(bob.expect(.lobbyUpdate))
        #expect(update.replyTo == "r" && Self.state(update)?.version == 3)
    }

    @Test func requesterCopiesCarryReplyToAndOthersDoNot() throws {
        let server = try Self.server()
        defer { server.stop() }
        let alice = try SessionClient(port: server.port, user: "u-alice", username: "alice")
        let aliceTab = try SessionClient(port: server.port, user: "u-alice", username: "alice")
        let bob = try SessionClient(port: server.port, user: "u-bob", username: "bob")
        let bobTab = try SessionClient(port: server.port, user: "u-bob", username: "bob")
        let lobby = try Self.create(alice)
        try Self.join(bob, lobby.id)
        for client in [alice, aliceTab, bobTab] { Self.awaitVersion(client, 2) }
        // lobby:update answering lobby:ready.
        bob.send("lobby:ready", #"{"ready":true}"#, id: "r1")
        #expect(bob.expect(.lobbyUpdate)?.replyTo == "r1")
        for other in [bobTab, alice, aliceTab] {
            let update = other.expect(.lobbyUpdate)
            #expect(update != nil && update?.replyTo == nil && update.flatMap(Self.state)?.version == 3)
        }
        // lobby:chat: the sender's copy answers, the rest do not.
        alice.send("lobby:chat", #"{"text":"hi"}"#, id: "m1")
        #expect(alice.expect(.lobbyChat)?.replyTo == "m1")
        for other in [aliceTab, bob, bobTab] {
            let chat = other.expect(.lobbyChat)
            #expect(chat != nil && chat?.replyTo == nil)
        }
        // lobby:leave: lobby:left to every connection of the leaver, the requesting one with replyTo.
        bob.send("lobby:leave", id: "x")
        #expect(bob.expect(.lobbyLeft)?.replyTo == "x")
        let tabLeft = bobTab.expect(.lobbyLeft)
        #expect(tabLeft != nil && tabLeft?.replyTo == nil)
        let leave = try #require(Self.nextLobbyMessage(alice))
        #expect(leave.event.name == .lobbyPlayerLeave)
        let after = try #require(Self.nextLobbyMessage(alice))
        #expect(after.event.name == .lobbyUpdate && Self.state(after)?.players.count == 1)
        // lobby:close: the host's copy with replyTo, every other member connection without.
        alice.send("lobby:close", id: "z")
        let closed = try #require(alice.expect(.lobbyClosed))
        #expect(closed.replyTo == "z")
        guard case .lobbyClosed(let payload) = closed.event else { return }
        #expect(payload.lobbyId == lobby.id && payload.reason == .hostClosed)
        let tabClosed = aliceTab.expect(.lobbyClosed)
        #expect(tabClosed != nil && tabClosed?.replyTo == nil)
    }

    @Test func aRequestThatChangesNothingIsAnsweredWithTheCurrentState() throws {
        let server = try Self.server()
        defer { server.stop() }
        let alice = try SessionClient(port: server.port, user: "u-alice")
        let bob = try SessionClient(port: server.port, user: "u-bob")
        let lobby = try Self.create(alice)
        try Self.join(bob, lobby.id)
        _ = alice.expect(.lobbyUpdate)
        bob.send("lobby:ready", #"{"ready":true}"#, id: "r1")
        let ready = try #require(Self.answer(bob, "r1").flatMap(Self.state))
        _ = alice.expect(.lobbyUpdate)
        bob.send("lobby:ready", #"{"ready":true}"#, id: "r2")
        let again = try #require(Self.answer(bob, "r2"))
        #expect(again.event.name == .lobbyUpdate && Self.state(again) == ready)
        let color = try #require(ready.players.last?.customization.paddleColor.rawValue)
        bob.send("lobby:customization", #"{"paddleColor":"\#(color.lowercased())"}"#, id: "p")
        let same = try #require(Self.answer(bob, "p"))
        #expect(same.event.name == .lobbyUpdate && Self.state(same)?.version == ready.version)
        #expect(alice.silent(about: .lobbyUpdate, for: 0.3))
    }

    @Test func customizationIsValidatedAndColoursAreUnique() throws {
        let server = try Self.server()
        defer { server.stop() }
        let alice = try SessionClient(port: server.port, user: "u-alice")
        let bob = try SessionClient(port: server.port, user: "u-bob")
        let lobby = try Self.create(alice)
        let joined = try Self.join(bob, lobby.id)
        #expect(joined.players.map(\.customization.paddleColor.rawValue) == ["#E74C3C", "#3498DB"])
        // Alice's colour, in lower case: the same colour.
        bob.send("lobby:customization", ##"{"paddleColor":"#e74c3c"}"##, id: "taken")
        let taken = try #require(Self.error(bob, "taken"))
        #expect(taken.code == .conflict && taken.reason == "color_taken")
        for (id, bad) in [("short", "#12345"), ("word", "red"), ("hash", "#GGGGGG")] {
            bob.send("lobby:customization", #"{"paddleColor":"\#(bad)"}"#, id: id)
            let error = try #require(Self.error(bob, id))
            #expect(error.code == .invalidPayload && error.field == "payload.paddleColor" && error.reason == nil)
        }
        bob.send("lobby:customization", ##"{"paddleColor":"#abcdef"}"##, id: "ok")
        let update = try #require(Self.answer(bob, "ok").flatMap(Self.state))
        #expect(update.players.last?.customization.paddleColor.rawValue == "#ABCDEF" && update.version == 3)
        // Allowed in countdown too.
        Self.ready(alice, id: "a")
        #expect(Self.ready(bob, id: "b")?.state == .countdown)
        bob.send("lobby:customization", ##"{"paddleColor":"#123456"}"##, id: "cd")
        let recoloured = Self.answer(bob, "cd").flatMap(Self.state)
        #expect(recoloured?.players.last?.customization.paddleColor.rawValue == "#123456")
    }

    @Test func requestsOutsideALobbyAreRefusedAndTypingIsDropped() throws {
        let server = try Self.server()
        defer { server.stop() }
        let carol = try SessionClient(port: server.port, user: "u-carol")
        // Typing outside a lobby is dropped: the first thing carol hears is the answer to her next request.
        carol.send("lobby:typing", #"{"typing":true}"#)
        carol.send("lobby:chat", #"{"text":"anyone?"}"#, id: "c")
        let first = try #require(carol.next())
        #expect(first.replyTo == "c")
        guard case .systemError(let chat) = first.event else {
            Issue.record("expected system.error, got \(first)")
            return
        }
        #expect(chat.code == .conflict && chat.reason == "not_in_lobby")
        let requests: [(String, String)] = [
            ("lobby:chat:history", "{}"), ("lobby:chat:read", #"{"messageId":1}"#), ("lobby:leave", "{}"),
            ("lobby:ready", #"{"ready":true}"#), ("lobby:customization", ##"{"paddleColor":"#123456"}"##),
            ("lobby:start", "{}"), ("lobby:close", "{}"), ("lobby:invite", #"{"userId":"u-carol"}"#),
        ]
        for (index, (type, payload)) in requests.enumerated() {
            carol.send(type, payload, id: "n\(index)")
            let error = try #require(Self.error(carol, "n\(index)"), "\(type)")
            #expect(error.code == .conflict && error.reason == "not_in_lobby", "\(type): \(error)")
        }
    }

    @Test func chatReadAnswersThenUpdatesUnreadCountsOnlyWhenTheMarkerMoves() throws {
        let server = try Self.server()
        defer { server.stop() }
        let alice = try SessionClient(port: server.port, user: "u-alice")
        let bob = try SessionClient(port: server.port, user: "u-bob")
        let lobby = try Self.create(alice)
        try Self.join(bob, lobby.id)
        _ = alice.expect(.lobbyUpdate)
        for i in 1...3 {
            alice.send("lobby:chat", #"{"text":"m\#(i)"}"#, id: "m\(i)")
            _ = Self.answer(alice, "m\(i)")
        }
        bob.send("lobby:chat:read", #"{"messageId":2}"#, id: "rd")
        let answer = try #require(Self.answer(bob, "rd"))
        guard case .lobbyChatRead(let marker) = answer.event else {
            Issue.record("expected lobby:chat:read, got \(answer)")
            return
        }
        #expect(marker.lobbyId == lobby.id && marker.messageId.rawValue == 2)
        // Then everyone, the reader included, gets lobby:update without replyTo; the sender's own messages are read.
        for client in [bob, alice] {
            let update = try #require(client.expect(.lobbyUpdate))
            let unread = Self.state(update)?.players.map(\.unread)
            #expect(update.replyTo == nil && unread == [0, 1], "\(String(describing: unread))")
        }
        // The same marker again: answered, no update.
        bob.send("lobby:chat:read", #"{"messageId":2}"#, id: "rd2")
        #expect(Self.answer(bob, "rd2")?.event.name == .lobbyChatRead)
        #expect(alice.silent(about: .lobbyUpdate, for: 0.3))
        bob.send("lobby:chat:read", #"{"messageId":9}"#, id: "rd3")
        let unknown = try #require(Self.error(bob, "rd3"))
        #expect(unknown.code == .notFound && unknown.reason == nil)
    }

    @Test func inviteNeedsAKnownUser() throws {
        let server = try Self.server()
        defer { server.stop() }
        let alice = try SessionClient(port: server.port, user: "u-alice")
        var erin: SessionClient? = try SessionClient(port: server.port, user: "u-erin")
        erin = nil  // erin has connected once: known, now offline
        _ = erin
        _ = try Self.create(alice)
        alice.send("lobby:invite", #"{"userId":"u-nobody"}"#, id: "i1")
        let unknown = try #require(Self.error(alice, "i1"))
        #expect(unknown.code == .notFound && unknown.reason == nil)
        alice.send("lobby:invite", #"{"userId":"u-erin"}"#, id: "i2")
        guard case .inviteSent(let sent)? = Self.answer(alice, "i2")?.event else {
            Issue.record("no lobby:invite_sent for a known offline user")
            return
        }
        #expect(sent.to.rawValue == "u-erin")
        alice.send("lobby:invite", #"{"userId":"u-alice"}"#, id: "i3")
        #expect(Self.error(alice, "i3")?.reason == "already_member")
    }

    // MARK: - Lobby states

    @Test func joinDuringTheCountdownIsRefusedButCancelsIt() throws {
        let server = try Self.server()
        defer { server.stop() }
        let alice = try SessionClient(port: server.port, user: "u-alice")
        let bob = try SessionClient(port: server.port, user: "u-bob")
        let carol = try SessionClient(port: server.port, user: "u-carol")
        let lobby = try Self.create(alice)
        try Self.join(bob, lobby.id)
        Self.ready(alice, id: "a")
        let countdown = try #require(Self.ready(bob, id: "b"))
        #expect(countdown.state == .countdown && countdown.countdownEndsAt != nil)
        carol.send("lobby:join", #"{"lobbyId":"\#(lobby.id.rawValue)"}"#, id: "j1")
        let refused = try #require(Self.error(carol, "j1"))
        #expect(refused.code == .conflict && refused.reason == "wrong_state")
        let cancelled = try #require(LobbyEndToEndTests.lobby(alice) { $0.version == countdown.version + 1 })
        #expect(cancelled.state == .waiting && cancelled.countdownEndsAt == nil)
        #expect(cancelled.players.allSatisfy { $0.ready })
        let joined = try Self.join(carol, lobby.id, id: "j2")
        #expect(joined.players.count == 3 && joined.state == .waiting)
    }

    /// `finished` is reached only when a game reports its end, and no game is served yet: the test plays the
    /// game's part by sending the hub the real `gameEnded` event.
    @Test func inGameRefusalsThenFinishedAndRematch() throws {
        let server = try Self.server()
        defer { server.stop() }
        let alice = try SessionClient(port: server.port, user: "u-alice")
        let bob = try SessionClient(port: server.port, user: "u-bob")
        let carol = try SessionClient(port: server.port, user: "u-carol")
        let lobby = try Self.create(alice)
        try Self.join(bob, lobby.id)
        Self.ready(alice, id: "a")
        #expect(Self.ready(bob, id: "b")?.state == .countdown)
        alice.send("lobby:start", id: "s")
        #expect(Self.answer(alice, "s").flatMap(Self.state)?.state == .inGame)
        // In game: ready, customization, join and start are wrong_state, naming the state.
        bob.send("lobby:ready", #"{"ready":false}"#, id: "r")
        let ready = try #require(Self.error(bob, "r"))
        #expect(ready.reason == "wrong_state" && ready.message == "cannot un-ready while the lobby is in_game")
        bob.send("lobby:customization", ##"{"paddleColor":"#123456"}"##, id: "p")
        #expect(Self.error(bob, "p")?.reason == "wrong_state")
        carol.send("lobby:join", #"{"lobbyId":"\#(lobby.id.rawValue)"}"#, id: "j")
        #expect(Self.error(carol, "j")?.reason == "wrong_state")
        alice.send("lobby:start", id: "s2")
        #expect(Self.error(alice, "s2")?.reason == "wrong_state")
        // The game ends.
        let hub = try #require(server.app.hub)
        let alicesId = try #require(UserID(rawValue: "u-alice"))
        let bobsId = try #require(UserID(rawValue: "u-bob"))
        let result = Lobby.GameResult(winnerId: alicesId, scores: [alicesId: 5, bobsId: 2], reason: .score, endedAt: 1)
        let id = lobby.id
        hub.execute { hub.perform(hub.lobbies.gameEnded(lobby: id, result: result), nil) }
        let finished = try #require(LobbyEndToEndTests.lobby(bob) { $0.state == .finished })
        #expect(finished.result?.winnerId == alicesId && finished.result?.scores.map(\.score) == [5, 2])
        #expect(finished.players.allSatisfy { !$0.ready })
        // Finished: joining is allowed again; start is not.
        let joined = try Self.join(carol, lobby.id, id: "j2")
        #expect(joined.state == .finished && joined.players.count == 3)
        alice.send("lobby:start", id: "s3")
        #expect(Self.error(alice, "s3")?.reason == "wrong_state")
        // Rematch: bob's ready(true) goes back to waiting, result dropped, only bob ready.
        bob.send("lobby:ready", #"{"ready":true}"#, id: "rm")
        let rematch = try #require(Self.answer(bob, "rm"))
        let waiting = try #require(Self.state(rematch))
        #expect(rematch.event.name == .lobbyUpdate && waiting.state == .waiting && waiting.result == nil)
        #expect(waiting.players.map(\.ready) == [false, true, false])
    }

    // MARK: - Listing

    @Test func listFiltersAndPagesPublicLobbiesOldestFirst() throws {
        let server = try Self.server()
        defer { server.stop() }
        let users = try (1...6).map { try SessionClient(port: server.port, user: "u-\($0)") }
        let one = try Self.create(users[0], #"{"name":"one","maxPlayers":2}"#)
        try Self.join(users[1], one.id)  // full
        _ = try Self.create(users[2], #"{"name":"secret","private":true}"#)
        let three = try Self.create(users[3], #"{"name":"three","maxPlayers":3}"#)
        let four = try Self.create(users[4], #"{"name":"four","maxPlayers":2}"#)
        try Self.join(users[5], four.id)
        Self.ready(users[4], id: "r4")
        #expect(Self.ready(users[5], id: "r5")?.state == .countdown)
        let reader = users[2]
        func list(_ payload: String, _ id: String) -> LobbyList? {
            reader.send("lobby:list", payload, id: id)
            guard case .lobbyList(let list)? = Self.answer(reader, id)?.event else { return nil }
            return list
        }
        // Pages of one, in creation order; nextCursor only while another lobby follows.
        let page1 = try #require(list(#"{"limit":1}"#, "p1"))
        #expect(page1.lobbies.map(\.id) == [one.id])
        let cursor1 = try #require(page1.nextCursor)
        let page2 = try #require(list(#"{"limit":1,"cursor":"\#(cursor1)"}"#, "p2"))
        #expect(page2.lobbies.map(\.id) == [three.id])
        let cursor2 = try #require(page2.nextCursor)
        let page3 = try #require(list(#"{"limit":1,"cursor":"\#(cursor2)"}"#, "p3"))
        #expect(page3.lobbies.map(\.id) == [four.id] && page3.nextCursor == nil)
        // Filters.
        #expect(list(#"{"hasSpace":true}"#, "f1")?.lobbies.map(\.id) == [three.id])
        #expect(list(#"{"hasSpace":false}"#, "f2")?.lobbies.map(\.id) == [one.id, four.id])
        #expect(list(#"{"state":"waiting"}"#, "f3")?.lobbies.map(\.id) == [one.id, three.id])
        #expect(list(#"{"state":"countdown","gameType":"pong"}"#, "f4")?.lobbies.map(\.id) == [four.id])
        #expect(list(#"{"state":"waiting","hasSpace":true,"limit":1}"#, "f5")?.nextCursor == nil)
        let summary = try #require(list("{}", "all")?.lobbies.first)
        #expect(summary.playerCount == 2 && summary.hostUsername == "u-1" && summary.name == "one")
        // Bad cursors and limits.
        let bad = [
            ("b1", #"{"cursor":"nonsense"}"#, "payload.cursor"), ("b2", #"{"limit":0}"#, "payload.limit"),
            ("b3", #"{"limit":51}"#, "payload.limit"),
        ]
        for (id, payload, field) in bad {
            reader.send("lobby:list", payload, id: id)
            let error = try #require(Self.error(reader, id))
            #expect(error.code == .invalidPayload && error.field == field, "\(payload)")
        }
    }
}
