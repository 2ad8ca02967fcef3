import Foundation
import GameEvents
import Testing
@testable import LobbyServer

/// Presence during a game, delayed spectators, bad input, a third lobby member watching, and replaying a forfeit.
@Suite struct GameSideEffectsEndToEndTests {
    @Test func presenceFollowsTheGameAndAThirdMemberWatches() throws {
        let server = try GameEndToEndTests.server()
        defer { server.stop() }
        let alice = try SessionClient(port: server.port, user: "u-alice", username: "alice")
        let bob = try SessionClient(port: server.port, user: "u-bob", username: "bob")
        let carol = try SessionClient(port: server.port, user: "u-carol", username: "carol")
        try SocialEndToEndTests.befriend(carol, alice)
        alice.send("lobby:create", #"{"name":"three","maxPlayers":3,"settings":{"pointsToWin":21}}"#, id: "c")
        let lobby = try #require(LobbyEndToEndTests.lobby(alice, .lobbyCreated))
        bob.send("lobby:join", #"{"lobbyId":"\#(lobby.id.rawValue)"}"#, id: "j1")
        _ = try #require(LobbyEndToEndTests.lobby(bob, .lobbyJoined))
        carol.send("lobby:join", #"{"lobbyId":"\#(lobby.id.rawValue)"}"#, id: "j2")
        _ = try #require(LobbyEndToEndTests.lobby(carol, .lobbyJoined))
        for (client, id) in [(alice, "r1"), (bob, "r2"), (carol, "r3")] { client.send("lobby:ready", #"{"ready":true}"#, id: id) }
        // Carol, Alice's friend, sees her in_game with the game id (the hub says so before the game's first frame).
        let playing = carol.expect { message in
            guard case .userStatus(let status) = message.event else { return false }
            return status.userId.rawValue == "u-alice" && status.status == .inGame
        }
        guard case .userStatus(let status)? = playing?.event else {
            Issue.record("no in_game status")
            return
        }
        #expect(status.lobbyId == lobby.id)
        // The first two play; Carol, the third member, watches.
        let carolStart = try #require(GameEndToEndTests.start(carol))
        #expect(carolStart.role == .spectator && carolStart.players.map(\.userId.rawValue) == ["u-alice", "u-bob"])
        let gameId = carolStart.gameId
        #expect(status.gameId == gameId)
        #expect(GameEndToEndTests.state(carol) { $0.spectators == 1 } != nil)
        bob.send("game:leave", "{}", id: "bye")
        #expect(GameEndToEndTests.end(carol)?.0.reason == .forfeit)
        // After the game Alice is back in her lobby.
        let back = carol.expect { message in
            guard case .userStatus(let status) = message.event else { return false }
            return status.userId.rawValue == "u-alice" && status.status == .inLobby
        }
        #expect(back != nil)
    }

    @Test func delayedSpectatorsGetNoLiveState() throws {
        let server = try GameEndToEndTests.server { $0.gameSpectatorDelayMs = 600 }
        defer { server.stop() }
        let alice = try SessionClient(port: server.port, user: "u-alice", username: "alice")
        let bob = try SessionClient(port: server.port, user: "u-bob", username: "bob")
        let carol = try SessionClient(port: server.port, user: "u-carol", username: "carol")
        let (gameId, _) = try GameEndToEndTests.startGame(alice, bob, pointsToWin: 21)
        carol.send("game:spectate", #"{"gameId":"\#(gameId.rawValue)"}"#, id: "sp")
        let started = Date()
        guard case .gameStart(let start)? = carol.expect({ $0.replyTo == "sp" })?.event else {
            Issue.record("no game:start")
            return
        }
        #expect(start.spectatorDelayMs == 600)
        let first = try #require(GameEndToEndTests.state(carol, timeout: 3))
        #expect(Date().timeIntervalSince(started) >= 0.5, "a delayed spectator got a state after \(Date().timeIntervalSince(started)) s")
        #expect(first.gameId == gameId)
        // Players get no delay (their states keep coming).
        #expect(GameEndToEndTests.state(alice) != nil)
    }

    @Test func badInputIsAnsweredPrecisely() throws {
        let server = try GameEndToEndTests.server()
        defer { server.stop() }
        let alice = try SessionClient(port: server.port, user: "u-alice", username: "alice")
        let bob = try SessionClient(port: server.port, user: "u-bob", username: "bob")
        let (gameId, _) = try GameEndToEndTests.startGame(alice, bob, pointsToWin: 21)
        let cases: [(String, String)] = [
            (#"{"seq":1,"direction":"up"}"#, "payload.gameId"),
            (#"{"gameId":"\#(gameId.rawValue)","seq":0,"direction":"up"}"#, "payload.seq"),
            (#"{"gameId":"\#(gameId.rawValue)","seq":1.5,"direction":"up"}"#, "payload.seq"),
            (#"{"gameId":"\#(gameId.rawValue)","seq":2,"direction":"sideways"}"#, "payload.direction"),
            (#"{"gameId":"\#(gameId.rawValue)","seq":3,"direction":"up","target":10}"#, "payload.target"),
            (#"{"gameId":"\#(gameId.rawValue)","seq":4}"#, "payload.direction"),
            (#"{"gameId":"\#(gameId.rawValue)","seq":5,"target":"top"}"#, "payload.target"),
        ]
        for (index, (payload, field)) in cases.enumerated() {
            alice.send("game:input", payload, id: "bad\(index)")
            let error = LobbyEndToEndTests.error(alice, replyTo: "bad\(index)")
            #expect(error?.code == .invalidPayload && error?.field == field, "\(payload): \(String(describing: error))")
        }
        alice.send("game:input", #"{"gameId":"g-unknown","seq":1,"direction":"up"}"#, id: "nf")
        #expect(LobbyEndToEndTests.error(alice, replyTo: "nf")?.reason == "game_not_found")
        // The game is unharmed: a valid input is still applied.
        alice.send("game:input", #"{"gameId":"\#(gameId.rawValue)","seq":6,"direction":"up"}"#)
        #expect(GameEndToEndTests.state(alice) { $0.lastSeq.left == 6 } != nil)
    }

    @Test func aForfeitedGameReplaysToItsLastTick() throws {
        let server = try GameEndToEndTests.server()
        defer { server.stop() }
        let alice = try SessionClient(port: server.port, user: "u-alice", username: "alice")
        let bob = try SessionClient(port: server.port, user: "u-bob", username: "bob")
        let (gameId, _) = try GameEndToEndTests.startGame(alice, bob, pointsToWin: 21)
        for seq in 1...5 {
            alice.send("game:input", #"{"gameId":"\#(gameId.rawValue)","seq":\#(seq),"direction":"\#(seq % 2 == 0 ? "up" : "down")"}"#)
            bob.send("game:input", #"{"gameId":"\#(gameId.rawValue)","seq":\#(seq),"target":\#(seq * 100)}"#)
            usleep(80_000)
        }
        let live = try #require(GameEndToEndTests.state(alice) { $0.lastSeq.left == 5 && $0.lastSeq.right == 5 })
        // A player cannot watch another game meanwhile.
        let carol = try SessionClient(port: server.port, user: "u-carol", username: "carol")
        let dave = try SessionClient(port: server.port, user: "u-dave", username: "dave")
        let (other, _) = try GameEndToEndTests.startGame(carol, dave, pointsToWin: 21)
        alice.send("game:spectate", #"{"gameId":"\#(other.rawValue)"}"#, id: "elsewhere")
        #expect(LobbyEndToEndTests.error(alice, replyTo: "elsewhere")?.reason == "already_playing")
        alice.send("game:leave", "{}", id: "bye")
        let (end, _) = try #require(GameEndToEndTests.end(alice))
        #expect(end.reason == .forfeit && end.tick >= live.tick)
        bob.send("game:replay", #"{"gameId":"\#(gameId.rawValue)","speed":8}"#, id: "rp")
        var lastState: GameState?
        let replayEnd = bob.expect(timeout: 10) { message in
            if case .gameState(let state) = message.event { lastState = state }
            if case .gameEnd(let end) = message.event { return end.replay }
            return false
        }
        guard case .gameEnd(let replayed)? = replayEnd?.event else {
            Issue.record("no replay game:end")
            return
        }
        #expect(replayed.reason == .forfeit && replayed.tick == end.tick && replayed.score == end.score)
        #expect(lastState?.tick == end.tick && lastState?.phase == .finished)
        bob.send("game:replay", #"{"gameId":"g-neverplayed"}"#, id: "none")
        #expect(LobbyEndToEndTests.error(bob, replyTo: "none")?.reason == "game_not_found")
    }

    @Test func leavingTheLobbyForfeitsAndClosingItAbandons() throws {
        let server = try GameEndToEndTests.server()
        defer { server.stop() }
        let alice = try SessionClient(port: server.port, user: "u-alice", username: "alice")
        let bob = try SessionClient(port: server.port, user: "u-bob", username: "bob")
        let (first, _) = try GameEndToEndTests.startGame(alice, bob, pointsToWin: 21)
        // Bob leaves the lobby mid-game: he forfeits.
        bob.send("lobby:leave", "{}", id: "out")
        let (forfeit, _) = try #require(GameEndToEndTests.end(alice))
        #expect(forfeit.gameId == first && forfeit.reason == .forfeit && forfeit.winnerId?.rawValue == "u-alice")
        #expect(LobbyEndToEndTests.lobby(alice) { $0.state == .finished && $0.players.count == 1 } != nil)
        // A second game, closed by the host mid-game: nobody wins.
        let carol = try SessionClient(port: server.port, user: "u-carol", username: "carol")
        let dave = try SessionClient(port: server.port, user: "u-dave", username: "dave")
        let (second, _) = try GameEndToEndTests.startGame(carol, dave, pointsToWin: 21)
        carol.send("lobby:close", "{}", id: "close")
        let (abandoned, _) = try #require(GameEndToEndTests.end(dave))
        #expect(abandoned.gameId == second && abandoned.reason == .abandoned && abandoned.winnerId == nil)
        // Both are stored: the abandoned one replays to its end.
        dave.send("game:replay", #"{"gameId":"\#(second.rawValue)","speed":8}"#, id: "rp")
        let replayEnd = dave.expect(timeout: 10) { message in
            if case .gameEnd(let end) = message.event { return end.replay }
            return false
        }
        guard case .gameEnd(let replayed)? = replayEnd?.event else {
            Issue.record("no replay of the abandoned game")
            return
        }
        #expect(replayed.reason == .abandoned && replayed.tick == abandoned.tick)
    }

    @Test func privateGamesReplayOnlyForTheirPlayersAndLobby() throws {
        let server = try GameEndToEndTests.server()
        defer { server.stop() }
        let alice = try SessionClient(port: server.port, user: "u-alice", username: "alice")
        let bob = try SessionClient(port: server.port, user: "u-bob", username: "bob")
        let eve = try SessionClient(port: server.port, user: "u-eve", username: "eve")
        let (gameId, _) = try GameEndToEndTests.startGame(alice, bob, pointsToWin: 21, isPrivate: true)
        alice.send("game:leave", "{}", id: "bye")
        #expect(GameEndToEndTests.end(bob) != nil)
        eve.send("game:replay", #"{"gameId":"\#(gameId.rawValue)"}"#, id: "peek")
        let refused = LobbyEndToEndTests.error(eve, replyTo: "peek")
        #expect(refused?.code == .forbidden && refused?.reason == "private_game")
        bob.send("game:replay", #"{"gameId":"\#(gameId.rawValue)","speed":8}"#, id: "mine")
        guard case .gameStart(let start)? = bob.expect({ $0.replyTo == "mine" })?.event else {
            Issue.record("a player could not replay their private game")
            return
        }
        #expect(start.replay)
    }
}
