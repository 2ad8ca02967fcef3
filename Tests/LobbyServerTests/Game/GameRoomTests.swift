import GameEvents
import Testing

@testable import LobbyServer

/// Players, setups and rooms for the ``GameRoom`` tests.
enum RoomFixture {
    static let alice = UserID(rawValue: "u-alice")!
    static let bob = UserID(rawValue: "u-bob")!
    static let carol = UserID(rawValue: "u-carol")!
    static let gameId = GameID(rawValue: "g-abcdefghij")!
    /// Ticks of grace and of resume countdown used unless a test says otherwise.
    static let grace = 120
    static let countdown = 30

    /// Alice on the left, Bob on the right.
    static func players() -> [GamePlayer] {
        [
            GamePlayer(userId: alice, username: "Alice", side: .left, paddleColor: PaddleColor(rawValue: "#FF0000")!),
            GamePlayer(userId: bob, username: "Bob", side: .right, paddleColor: PaddleColor(rawValue: "#0000ff")!),
        ]
    }

    /// A room of Alice and Bob.
    static func room(
        rules: PongRules = .standard, seed: UInt64 = 1, grace: Int = grace, countdown: Int = countdown
    ) -> GameRoom {
        GameRoom(
            setup: try! GameRoomSetup(
                gameId: gameId, lobbyId: LobbyID(rawValue: "l-1"), players: players(), rules: rules, seed: seed,
                reconnectGraceTicks: grace, resumeCountdownTicks: countdown))
    }

    /// Ticks `room` `count` times and returns every event.
    @discardableResult
    static func tick(_ room: inout GameRoom, _ count: Int) -> [GameRoomEvent] {
        var events: [GameRoomEvent] = []
        for _ in 0..<count { events += room.tick() }
        return events
    }
}

/// ``GameRoom`` inputs: sequencing, when they apply, persistence and the log.
@Suite struct GameRoomTests {
    let alice = RoomFixture.alice
    let bob = RoomFixture.bob
    let speed = PongRules.standard.paddleSpeed

    @Test func aNewRoomWaitsForItsFirstServe() {
        let room = RoomFixture.room()
        #expect(room.phase == .serving && room.roomTick == 0 && room.simulationTicks == 0)
        #expect(room.snapshot.lastSeq == PerSide(both: 0) && room.snapshot.score == .zero)
        #expect(room.snapshot.paddles == PongPaddles(left: 300, right: 300))
        #expect(room.result == nil && room.winnerId == nil && room.inputLog.entries.isEmpty)
        #expect(room.players.map(\.userId) == [alice, bob])
        #expect(room.players[.right].username == "Bob" && room.players.right.paddleColor.rawValue == "#0000FF")
    }

    @Test func anInputAppliesAtTheNextTickAndItsSeqIsEchoed() {
        var room = RoomFixture.room()
        #expect(room.receiveInput(user: alice, seq: 1, input: .up) == .accepted)
        #expect(room.snapshot.paddles.left == 300 && room.lastSeq == PerSide(both: 0))
        _ = room.tick()
        #expect(room.snapshot.paddles.left == 300 - speed)
        #expect(room.snapshot.paddles.right == 300)
        #expect(room.lastSeq == PerSide(left: 1, right: 0))
        #expect(room.snapshot.tick == 1 && room.roomTick == 1)
    }

    @Test func seqsNotAboveTheHighestSeenAreStale() {
        var room = RoomFixture.room()
        #expect(room.receiveInput(user: alice, seq: 5, input: .up) == .accepted)
        #expect(room.receiveInput(user: alice, seq: 5, input: .down) == .stale)
        #expect(room.receiveInput(user: alice, seq: 4, input: .down) == .stale)
        #expect(room.receiveInput(user: alice, seq: 0, input: .down) == .stale)
        #expect(room.receiveInput(user: alice, seq: -3, input: .down) == .stale)
        // Each player has their own sequence.
        #expect(room.receiveInput(user: bob, seq: 1, input: .down) == .accepted)
        _ = room.tick()
        #expect(room.snapshot.paddles == PongPaddles(left: 300 - speed, right: 300 + speed))
        #expect(room.lastSeq == PerSide(left: 5, right: 1))
        // Still stale after being applied.
        #expect(room.receiveInput(user: alice, seq: 5, input: .stop) == .stale)
        #expect(room.receiveInput(user: alice, seq: 6, input: .stop) == .accepted)
    }

    @Test func theHighestSeqBetweenTwoTicksWins() {
        var room = RoomFixture.room()
        #expect(room.receiveInput(user: alice, seq: 1, input: .up) == .accepted)
        #expect(room.receiveInput(user: alice, seq: 2, input: .target(100)) == .accepted)
        #expect(room.receiveInput(user: alice, seq: 3, input: .down) == .accepted)
        _ = room.tick()
        #expect(room.snapshot.paddles.left == 300 + speed)
        #expect(room.lastSeq.left == 3)
        // Only the input that was applied is logged.
        #expect(room.inputLog.entries == [GameInputLog.Entry(tick: 0, side: .left, input: .down)])
    }

    @Test func aDirectionHoldsUntilChanged() {
        var room = RoomFixture.room()
        _ = room.receiveInput(user: alice, seq: 1, input: .up)
        RoomFixture.tick(&room, 10)
        #expect(room.snapshot.paddles.left == 300 - 10 * speed)
        _ = room.receiveInput(user: alice, seq: 2, input: .stop)
        RoomFixture.tick(&room, 10)
        #expect(room.snapshot.paddles.left == 300 - 10 * speed)
        // Held long enough, it stops at the wall.
        _ = room.receiveInput(user: alice, seq: 3, input: .up)
        RoomFixture.tick(&room, 100)
        #expect(room.snapshot.paddles.left == PongRules.standard.paddleHeight / 2)
    }

    @Test func aTargetPullsThePaddleUntilItIsReached() {
        var room = RoomFixture.room()
        _ = room.receiveInput(user: bob, seq: 1, input: .target(345))
        var positions: [Double] = []
        for _ in 0..<8 {
            _ = room.tick()
            positions.append(room.snapshot.paddles.right)
        }
        #expect(positions == [308, 316, 324, 332, 340, 345, 345, 345])
        #expect(room.lastSeq.right == 1)
    }

    @Test func onlyChangesAreLoggedWithTheSimulationTickTheyApplyTo() {
        var room = RoomFixture.room()
        _ = room.receiveInput(user: alice, seq: 1, input: .up)
        _ = room.receiveInput(user: bob, seq: 1, input: .target(200))
        RoomFixture.tick(&room, 3)
        // The same input again moves lastSeq on but is no change.
        _ = room.receiveInput(user: alice, seq: 2, input: .up)
        RoomFixture.tick(&room, 1)
        #expect(room.lastSeq.left == 2)
        _ = room.receiveInput(user: alice, seq: 3, input: .stop)
        RoomFixture.tick(&room, 1)
        #expect(
            room.inputLog.entries == [
                GameInputLog.Entry(tick: 0, side: .left, input: .up),
                GameInputLog.Entry(tick: 0, side: .right, input: .target(200)),
                GameInputLog.Entry(tick: 4, side: .left, input: .stop),
            ])
    }

    @Test func inputsWaitWhileTheGameIsPausedAndApplyWhenItSteps() {
        var room = RoomFixture.room(countdown: 5)
        RoomFixture.tick(&room, 10)
        _ = room.playerDisconnected(bob)
        #expect(room.receiveInput(user: alice, seq: 1, input: .down) == .accepted)
        RoomFixture.tick(&room, 20)
        #expect(room.snapshot.paddles.left == 300 && room.lastSeq.left == 0 && room.simulationTicks == 10)
        _ = room.playerReconnected(bob)
        RoomFixture.tick(&room, 5)
        #expect(room.snapshot.paddles.left == 300 && room.lastSeq.left == 0)
        _ = room.tick()
        #expect(room.snapshot.paddles.left == 300 + speed && room.lastSeq.left == 1)
        // Logged at the simulation tick, not the room tick.
        #expect(room.inputLog.entries == [GameInputLog.Entry(tick: 10, side: .left, input: .down)])
        #expect(room.roomTick == 36 && room.simulationTicks == 11)
    }

    @Test func onlyPlayersMaySendInputAndNotOnceTheGameIsOver() {
        var room = RoomFixture.room()
        #expect(room.receiveInput(user: RoomFixture.carol, seq: 1, input: .up) == .notAPlayer)
        _ = room.forfeit(bob)
        #expect(room.receiveInput(user: alice, seq: 1, input: .up) == .gameOver)
        #expect(room.receiveInput(user: RoomFixture.carol, seq: 1, input: .up) == .notAPlayer)
    }

    @Test func theSetupWantsOnePlayerPerSide() throws {
        let players = RoomFixture.players()
        func setup(_ players: [GamePlayer]) throws(GameRoomSetup.Invalid) -> GameRoomSetup {
            try GameRoomSetup(
                gameId: RoomFixture.gameId, players: players, rules: .standard, seed: 1, reconnectGraceTicks: 1,
                resumeCountdownTicks: 1)
        }
        // Either order; stored left first.
        #expect(try setup(players.reversed()).players == PerSide(left: players[0], right: players[1]))
        #expect(throws: GameRoomSetup.Invalid.notOnePlayerPerSide) { try setup([players[0]]) }
        #expect(throws: GameRoomSetup.Invalid.notOnePlayerPerSide) { try setup([players[0], players[0]]) }
        #expect(throws: GameRoomSetup.Invalid.notOnePlayerPerSide) { try setup(players + [players[1]]) }
        let twin = GamePlayer(userId: alice, username: "A", side: .right, paddleColor: players[1].paddleColor)
        #expect(throws: GameRoomSetup.Invalid.samePlayerOnBothSides) { try setup([players[0], twin]) }
        #expect(throws: GameRoomSetup.Invalid.negativeTicks("reconnectGraceTicks")) {
            try GameRoomSetup(
                gameId: RoomFixture.gameId, players: players, rules: .standard, seed: 1, reconnectGraceTicks: -1,
                resumeCountdownTicks: 1)
        }
        #expect(throws: GameRoomSetup.Invalid.negativeTicks("resumeCountdownTicks")) {
            try GameRoomSetup(
                gameId: RoomFixture.gameId, players: players, rules: .standard, seed: 1, reconnectGraceTicks: 1,
                resumeCountdownTicks: -1)
        }
        #expect(try setup(players).side(of: RoomFixture.carol) == nil)
    }
}
