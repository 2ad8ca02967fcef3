import GameEvents
import Testing

@testable import LobbyServer

/// ``GameRoom`` pauses, reconnections, forfeits and the end of a game.
@Suite struct GameRoomPresenceTests {
    let alice = RoomFixture.alice
    let bob = RoomFixture.bob
    let grace = RoomFixture.grace
    let countdown = RoomFixture.countdown

    @Test func aPlayerAwayPastTheGraceForfeits() {
        var room = RoomFixture.room()
        RoomFixture.tick(&room, 70)
        let frozen = room.simulation
        #expect(room.playerDisconnected(alice) == [.paused(alice, forfeitAtRoomTick: 70 + UInt64(grace))])
        #expect(room.phase == .paused)
        // The simulation stands still during the grace period.
        #expect(RoomFixture.tick(&room, grace - 1) == [])
        #expect(room.simulation == frozen && room.phase == .paused && room.roomTick == 69 + UInt64(grace))
        let result = GameResult(
            winner: .right, score: .zero, reason: .forfeit, simulationTicks: 70, roomTicks: 70 + UInt64(grace))
        #expect(room.tick() == [.ended(result)])
        #expect(room.result == result && room.phase == .finished && room.winnerId == bob)
    }

    @Test func aSecondDisconnectDoesNotMoveTheDeadline() {
        var room = RoomFixture.room()
        _ = room.playerDisconnected(alice)
        RoomFixture.tick(&room, 10)
        #expect(room.playerDisconnected(alice) == [])
        #expect(room.forfeitDeadlines == PerSide(left: UInt64(grace), right: nil))
        #expect(RoomFixture.tick(&room, grace - 10).count == 1)
        #expect(room.result?.reason == .forfeit && room.result?.roomTicks == UInt64(grace))
    }

    @Test func bothPlayersAwayWhenADeadlinePassesAbandonsTheGame() {
        var room = RoomFixture.room()
        RoomFixture.tick(&room, 5)
        _ = room.playerDisconnected(alice)
        RoomFixture.tick(&room, 10)
        // Bob's own, later deadline is announced; Alice's stands.
        #expect(room.playerDisconnected(bob) == [.paused(bob, forfeitAtRoomTick: 15 + UInt64(grace))])
        #expect(RoomFixture.tick(&room, grace - 11) == [])
        let abandoned = GameResult(
            winner: nil, score: .zero, reason: .abandoned, simulationTicks: 5, roomTicks: 5 + UInt64(grace))
        #expect(room.tick() == [.ended(abandoned)])
        #expect(room.winnerId == nil)
    }

    @Test func theOtherPlayerStillAwayForfeitsAfterTheFirstReturns() {
        var room = RoomFixture.room()
        _ = room.playerDisconnected(alice)
        RoomFixture.tick(&room, 3)
        _ = room.playerDisconnected(bob)
        // Alice is back, but Bob is not: no resume yet, and his deadline runs on.
        #expect(room.playerReconnected(alice) == [])
        #expect(room.phase == .paused)
        #expect(RoomFixture.tick(&room, grace - 1) == [])
        let events = room.tick()
        #expect(events.count == 1 && room.result?.winner == .left && room.result?.reason == .forfeit)
        #expect(room.result?.roomTicks == 3 + UInt64(grace))
    }

    @Test func reconnectingResumesAfterTheCountdown() {
        var room = RoomFixture.room()
        RoomFixture.tick(&room, 100)
        let before = room.simulation
        _ = room.playerDisconnected(bob)
        RoomFixture.tick(&room, 50)
        #expect(room.playerReconnected(bob) == [.resumed(bob, countdownTicks: countdown)])
        #expect(room.phase == .resuming && room.forfeitDeadlines == PerSide(both: nil))
        for _ in 0..<countdown {
            #expect(room.phase == .resuming && room.simulation == before)
            #expect(room.tick() == [])
        }
        #expect(room.phase == .playing && room.simulation == before)
        _ = room.tick()
        #expect(room.simulationTicks == 101 && room.roomTick == 151 + UInt64(countdown))
        // Long past the first deadline: nobody forfeits any more.
        RoomFixture.tick(&room, 2 * grace)
        #expect(room.result?.reason != .forfeit)
    }

    @Test func aDropDuringTheCountdownPausesAgainAndTheCountdownRestarts() {
        var room = RoomFixture.room()
        _ = room.playerDisconnected(alice)
        _ = room.playerReconnected(alice)
        RoomFixture.tick(&room, countdown - 1)
        #expect(room.phase == .resuming)
        _ = room.playerDisconnected(alice)
        #expect(room.phase == .paused)
        RoomFixture.tick(&room, 5)
        #expect(room.playerReconnected(alice) == [.resumed(alice, countdownTicks: countdown)])
        RoomFixture.tick(&room, countdown - 1)
        #expect(room.phase == .resuming && room.simulationTicks == 0)
        _ = room.tick()
        #expect(room.phase == .serving && room.simulationTicks == 0)
        _ = room.tick()
        #expect(room.simulationTicks == 1)
    }

    @Test func aReconnectWithoutADisconnectChangesNothing() {
        var room = RoomFixture.room()
        RoomFixture.tick(&room, 3)
        let before = room
        #expect(room.playerReconnected(alice) == [])
        #expect(room.playerReconnected(RoomFixture.carol) == [])
        #expect(room.playerDisconnected(RoomFixture.carol) == [])
        #expect(room == before)
    }

    @Test func zeroGraceForfeitsAtTheNextTickAndZeroCountdownResumesAtOnce() {
        var quick = RoomFixture.room(grace: 0, countdown: 0)
        _ = quick.playerDisconnected(bob)
        #expect(quick.tick().count == 1 && quick.result?.winner == .left)

        var instant = RoomFixture.room(grace: 0, countdown: 0)
        _ = instant.playerDisconnected(bob)
        #expect(instant.playerReconnected(bob) == [.resumed(bob, countdownTicks: 0)])
        #expect(instant.phase == .serving)
        _ = instant.tick()
        #expect(instant.simulationTicks == 1 && instant.result == nil)
    }

    @Test(arguments: [PongSide.left, .right]) func aForfeitHandsTheGameToTheOtherSide(leaver: PongSide) {
        var room = RoomFixture.room()
        RoomFixture.tick(&room, 200)
        let user = room.players[leaver].userId
        let events = room.forfeit(user)
        let result = GameResult(
            winner: leaver.opponent, score: room.simulation.score, reason: .forfeit, simulationTicks: 200,
            roomTicks: 200)
        #expect(events == [.ended(result)])
        #expect(room.winnerId == room.players[leaver.opponent].userId)
        // Over: nothing more happens, the clock included.
        let over = room
        #expect(room.tick() == [] && room.forfeit(user) == [] && room.abandon() == [])
        #expect(room.playerDisconnected(user) == [] && room.playerReconnected(user) == [])
        #expect(room == over && room.phase == .finished)
    }

    @Test func aForfeitWhilePausedEndsAtOnce() {
        var room = RoomFixture.room()
        _ = room.playerDisconnected(alice)
        RoomFixture.tick(&room, 4)
        #expect(room.forfeit(alice).count == 1)
        #expect(room.result?.winner == .right && room.result?.roomTicks == 4 && room.result?.simulationTicks == 0)
        #expect(room.forfeit(RoomFixture.carol) == [])
    }

    @Test func abandoningEndsWithoutAWinner() {
        var room = RoomFixture.room()
        RoomFixture.tick(&room, 9)
        #expect(
            room.abandon() == [
                .ended(GameResult(winner: nil, score: .zero, reason: .abandoned, simulationTicks: 9, roomTicks: 9))
            ])
        #expect(room.winnerId == nil && room.phase == .finished)
    }

    /// Alice plays perfectly, Bob never moves: Alice wins 3-0 by score; the events tell the game in order and
    /// the result counts the ticks.
    @Test func aGameIsWonByScore() throws {
        var room = RoomFixture.room(rules: try PongRules(pointsToWin: 3), seed: 11)
        var events: [GameRoomEvent] = []
        var seq: Int64 = 0
        while room.result == nil && room.roomTick < 100_000 {
            seq += 1
            _ = room.receiveInput(user: alice, seq: seq, input: PongFixture.perfectInput(.left, room.simulation))
            events += room.tick()
        }
        let result = try #require(room.result)
        #expect(result.winner == .left && result.reason == .score && result.score == PongScore(left: 3, right: 0))
        #expect(result.simulationTicks == room.roomTick && result.roomTicks == room.roomTick)
        #expect(room.winnerId == alice && room.phase == .finished)
        let scores = events.compactMap { event -> PongScore? in
            if case .scored(.left, let score) = event { return score }
            return nil
        }
        #expect(scores == [PongScore(left: 1, right: 0), PongScore(left: 2, right: 0), PongScore(left: 3, right: 0)])
        #expect(events.filter { if case .served = $0 { true } else { false } }.count == 3)
        #expect(events.last == .ended(result))
        #expect(room.lastSeq.left == seq && room.lastSeq.right == 0)
    }
}
