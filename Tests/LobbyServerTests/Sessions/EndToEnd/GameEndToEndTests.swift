import Foundation
import GameEvents
import Testing
@testable import LobbyServer

/// Complete games through real sockets: a lobby starts a game, players send scripted inputs, spectators join
/// mid-game, and games end by score, by forfeit after a disconnect, and after a reconnect inside the grace.
@Suite struct GameEndToEndTests {
    static func server(_ configure: (inout Config) -> Void = { _ in }) throws -> TestServer {
        try TestServer {
            $0.lobbyCountdownMs = 100
            $0.lobbyReconnectGraceMs = 10_000
            $0.gameServeDelayMs = 100
            $0.gameResumeCountdownMs = 300
            $0.gameReconnectGraceMs = 5_000
            configure(&$0)
        }
    }

    /// Alice hosts, Bob joins, both ready: returns the game id from both players' `game:start`.
    static func startGame(_ alice: SessionClient, _ bob: SessionClient, pointsToWin: Int = 2,
                          isPrivate: Bool = false) throws -> (GameID, LobbyID) {
        alice.send("lobby:create", #"{"name":"match","maxPlayers":\#(isPrivate ? 4 : 2),"private":\#(isPrivate),"settings":{"pointsToWin":\#(pointsToWin)}}"#, id: "c")
        let lobby = try #require(LobbyEndToEndTests.lobby(alice, .lobbyCreated))
        if isPrivate {
            alice.send("lobby:invite", #"{"userId":"\#(bob.ack!.userId.rawValue)"}"#, id: "inv")
            guard case .invitation(let invitation)? = bob.expect(.lobbyInvitation)?.event else {
                throw TestClient.Failure(description: "no invitation")
            }
            bob.send("lobby:accept", #"{"invitationId":"\#(invitation.invitationId.rawValue)"}"#, id: "a")
        } else {
            bob.send("lobby:join", #"{"lobbyId":"\#(lobby.id.rawValue)"}"#, id: "j")
        }
        _ = try #require(LobbyEndToEndTests.lobby(bob, .lobbyJoined))
        alice.send("lobby:ready", #"{"ready":true}"#, id: "r1")
        bob.send("lobby:ready", #"{"ready":true}"#, id: "r2")
        let aliceStart = try #require(start(alice))
        let bobStart = try #require(start(bob))
        #expect(aliceStart.gameId == bobStart.gameId)
        #expect(aliceStart.role == .player && aliceStart.side == .left && bobStart.side == .right)
        #expect(aliceStart.players.map(\.userId) == [alice.ack!.userId, bob.ack!.userId])
        #expect(aliceStart.lobbyId == lobby.id && aliceStart.pointsToWin == pointsToWin && aliceStart.tickRate == 60)
        return (aliceStart.gameId, lobby.id)
    }

    static func start(_ client: SessionClient, timeout: Double = 5) -> GameStart? {
        guard case .gameStart(let start)? = client.expect(.gameStart, timeout: timeout)?.event else { return nil }
        return start
    }

    static func state(_ client: SessionClient, timeout: Double = 5, where match: (GameState) -> Bool = { _ in true }) -> GameState? {
        var found: GameState?
        _ = client.expect(timeout: timeout) { message in
            guard case .gameState(let state) = message.event, match(state) else { return false }
            found = state
            return true
        }
        return found
    }

    static func end(_ client: SessionClient, timeout: Double = 15) -> (GameEnd, String?)? {
        guard let message = client.expect(.gameEnd, timeout: timeout), case .gameEnd(let end) = message.event else { return nil }
        return (end, message.replyTo)
    }

    @Test func winByScoreWithSpectatorJoiningMidGameThenReplay() throws {
        let server = try Self.server()
        defer { server.stop() }
        let alice = try SessionClient(port: server.port, user: "u-alice", username: "alice")
        let bob = try SessionClient(port: server.port, user: "u-bob", username: "bob")
        let carol = try SessionClient(port: server.port, user: "u-carol", username: "carol")
        let (gameId, lobbyId) = try Self.startGame(alice, bob, pointsToWin: 2)
        // Both paddles leave the centre, so every serve scores; inputs are echoed as lastSeq.
        alice.send("game:input", #"{"gameId":"\#(gameId.rawValue)","seq":1,"target":0}"#)
        bob.send("game:input", #"{"gameId":"\#(gameId.rawValue)","seq":7,"direction":"down"}"#)
        let echoed = Self.state(alice) { $0.lastSeq.left == 1 && $0.lastSeq.right == 7 }
        #expect(echoed != nil)
        // A stale input (lower seq) is ignored.
        alice.send("game:input", #"{"gameId":"\#(gameId.rawValue)","seq":1,"direction":"down"}"#)
        // The listing shows the live game; Carol starts watching after the first point.
        carol.send("game:list", "{}", id: "gl")
        guard case .gameList(let list)? = carol.expect(.gameList)?.event else {
            Issue.record("no game:list")
            return
        }
        #expect(list.games.map(\.gameId) == [gameId] && list.games.first?.lobbyId == lobbyId)
        guard case .gameScore(let first)? = alice.expect(.gameScore, timeout: 10)?.event else {
            Issue.record("no point scored")
            return
        }
        #expect(first.score.left + first.score.right == 1)
        carol.send("game:spectate", #"{"gameId":"\#(gameId.rawValue)"}"#, id: "sp")
        guard let watching = carol.expect({ $0.replyTo == "sp" }), case .gameStart(let spectatorStart) = watching.event else {
            Issue.record("no game:start for the spectator")
            return
        }
        #expect(spectatorStart.role == .spectator && spectatorStart.side == nil)
        let seen = try #require(Self.state(carol))
        #expect(seen.score.left + seen.score.right >= 1)
        #expect(Self.state(alice) { $0.spectators == 1 } != nil)
        // A spectator cannot play.
        carol.send("game:input", #"{"gameId":"\#(gameId.rawValue)","seq":1,"direction":"up"}"#, id: "cheat")
        let refused = LobbyEndToEndTests.error(carol, replyTo: "cheat")
        #expect(refused?.code == .forbidden && refused?.reason == "not_a_player")
        // The game ends by score; everyone hears it, and the lobby is finished with the result.
        let (aliceEnd, _) = try #require(Self.end(alice))
        #expect(aliceEnd.reason == .score && aliceEnd.gameId == gameId && !aliceEnd.replay)
        #expect(max(aliceEnd.score.left, aliceEnd.score.right) == 2)
        let winner = aliceEnd.score.left == 2 ? "u-alice" : "u-bob"
        #expect(aliceEnd.winnerId?.rawValue == winner)
        #expect(Self.end(bob)?.0 == aliceEnd)
        #expect(Self.end(carol)?.0 == aliceEnd)
        let finished = LobbyEndToEndTests.lobby(alice) { $0.state == .finished }
        #expect(finished?.result?.reason == .score && finished?.result?.winnerId?.rawValue == winner)
        // Inputs after the end: no such live game.
        alice.send("game:input", #"{"gameId":"\#(gameId.rawValue)","seq":9,"direction":"up"}"#, id: "late")
        #expect(LobbyEndToEndTests.error(alice, replyTo: "late")?.reason == "game_not_found")
        // The stored match replays to the same score.
        carol.send("game:replay", #"{"gameId":"\#(gameId.rawValue)","speed":8}"#, id: "rp")
        guard let replayStart = carol.expect({ $0.replyTo == "rp" }), case .gameStart(let replayed) = replayStart.event else {
            Issue.record("no replay game:start")
            return
        }
        #expect(replayed.replay && replayed.gameId == gameId)
        let (replayEnd, _) = try #require(Self.end(carol))
        #expect(replayEnd.replay && replayEnd.score == aliceEnd.score && replayEnd.winnerId == aliceEnd.winnerId)
        #expect(replayEnd.tick == aliceEnd.tick)
    }

    @Test func forfeitWhenAPlayerDoesNotComeBack() throws {
        let server = try Self.server { $0.gameReconnectGraceMs = 600 }
        defer { server.stop() }
        let alice = try SessionClient(port: server.port, user: "u-alice", username: "alice")
        let bob = try SessionClient(port: server.port, user: "u-bob", username: "bob")
        let (gameId, _) = try Self.startGame(alice, bob, pointsToWin: 21)
        #expect(Self.state(alice) { $0.gameId == gameId } != nil)
        shutdown(bob.raw.fd, Int32(SHUT_RDWR))
        guard case .gamePause(let pause)? = alice.expect(.gamePause)?.event else {
            Issue.record("no game:pause")
            return
        }
        #expect(pause.userId.rawValue == "u-bob" && pause.reason == .disconnected)
        #expect(Self.state(alice) { $0.phase == .paused } != nil)
        let (end, _) = try #require(Self.end(alice, timeout: 5))
        #expect(end.reason == .forfeit && end.winnerId?.rawValue == "u-alice")
        let finished = LobbyEndToEndTests.lobby(alice) { $0.state == .finished }
        #expect(finished?.result?.reason == .forfeit)
    }

    @Test func reconnectInsideTheGraceResumesThenLeaveForfeits() throws {
        let server = try Self.server { $0.gameReconnectGraceMs = 5_000 }
        defer { server.stop() }
        let alice = try SessionClient(port: server.port, user: "u-alice", username: "alice")
        let bob = try SessionClient(port: server.port, user: "u-bob", username: "bob")
        let (gameId, _) = try Self.startGame(alice, bob, pointsToWin: 21)
        shutdown(bob.raw.fd, Int32(SHUT_RDWR))
        #expect(alice.expect(.gamePause) != nil)
        let frozen = try #require(Self.state(alice) { $0.phase == .paused })
        // While paused the simulation does not advance.
        let later = try #require(Self.state(alice) { $0.phase == .paused && $0.tick == frozen.tick })
        #expect(later.tick == frozen.tick)
        // Bob is back: his new connection gets the game's context and a full state; everyone hears game:resume.
        let bobAgain = try SessionClient(port: server.port, user: "u-bob", username: "bob")
        let context = try #require(Self.start(bobAgain))
        #expect(context.gameId == gameId && context.side == .right && context.role == .player)
        #expect(Self.state(bobAgain) != nil)
        guard case .gameResume(let resume)? = alice.expect(.gameResume)?.event else {
            Issue.record("no game:resume")
            return
        }
        #expect(resume.userId.rawValue == "u-bob" && resume.resumesInMs == 300)
        #expect(Self.state(alice) { $0.phase == .resuming } != nil)
        #expect(Self.state(alice, timeout: 3) { $0.phase != .resuming && $0.phase != .paused && $0.tick > frozen.tick } != nil)
        // Alice gives up: Bob wins by forfeit; her copy answers her request.
        alice.send("game:leave", "{}", id: "bye")
        let (end, replyTo) = try #require(Self.end(alice))
        #expect(end.reason == .forfeit && end.winnerId?.rawValue == "u-bob" && replyTo == "bye")
        #expect(Self.end(bobAgain)?.0.winnerId?.rawValue == "u-bob")
        alice.send("game:leave", "{}", id: "again")
        #expect(LobbyEndToEndTests.error(alice, replyTo: "again")?.reason == "not_in_game")
    }

    @Test func privateLobbyGamesAreHiddenFromOutsiders() throws {
        let server = try Self.server()
        defer { server.stop() }
        let alice = try SessionClient(port: server.port, user: "u-alice", username: "alice")
        let bob = try SessionClient(port: server.port, user: "u-bob", username: "bob")
        let eve = try SessionClient(port: server.port, user: "u-eve", username: "eve")
        let (gameId, _) = try Self.startGame(alice, bob, pointsToWin: 21, isPrivate: true)
        eve.send("game:list", "{}", id: "gl")
        guard case .gameList(let list)? = eve.expect(.gameList)?.event else {
            Issue.record("no game:list")
            return
        }
        #expect(list.games.isEmpty)
        eve.send("game:spectate", #"{"gameId":"\#(gameId.rawValue)"}"#, id: "sp")
        let refused = LobbyEndToEndTests.error(eve, replyTo: "sp")
        #expect(refused?.code == .forbidden && refused?.reason == "private_game")
        // A player cannot watch their own game; unknown games are not found.
        alice.send("game:spectate", #"{"gameId":"\#(gameId.rawValue)"}"#, id: "own")
        #expect(LobbyEndToEndTests.error(alice, replyTo: "own")?.reason == "already_playing")
        eve.send("game:spectate", #"{"gameId":"g-nosuchgame"}"#, id: "nf")
        #expect(LobbyEndToEndTests.error(eve, replyTo: "nf")?.code == .notFound)
        eve.send("game:replay", #"{"gameId":"\#(gameId.rawValue)"}"#, id: "live")
        #expect(LobbyEndToEndTests.error(eve, replyTo: "live")?.reason == "game_in_progress")
        // An invitation opens the game to Eve.
        alice.send("lobby:invite", #"{"userId":"u-eve"}"#, id: "inv")
        #expect(eve.expect(.lobbyInvitation) != nil)
        eve.send("game:spectate", #"{"gameId":"\#(gameId.rawValue)"}"#, id: "sp2")
        guard case .gameStart(let start)? = eve.expect({ $0.replyTo == "sp2" })?.event else {
            Issue.record("invited spectator refused")
            return
        }
        #expect(start.role == .spectator)
        eve.send("game:unspectate", #"{"gameId":"\#(gameId.rawValue)"}"#, id: "un")
        guard case .gameUnspectated(let left)? = eve.expect({ $0.replyTo == "un" })?.event else {
            Issue.record("no game:unspectated")
            return
        }
        #expect(left.gameId == gameId)
    }
}
