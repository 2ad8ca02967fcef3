import GameEvents
import Testing

@testable import LobbyServer

/// Ready flags, the countdown (start, cancellation, elapsing), starting, the end of a game and the rematch.
@Suite struct LobbyStateMachineGameFlowTests {
    let host = LobbyFixture.host
    let bob = LobbyFixture.bob
    let carol = LobbyFixture.carol
    let stranger = LobbyFixture.stranger

    /// Host and Bob, waiting, nobody ready (version 2).
    func pair() -> LobbyStateMachine { LobbyFixture.machine(in: .waiting) }

    @Test func gettingReadyIsAVisibleChangeAndRepeatingItIsNot() {
        var machine = pair()
        #expect(machine.ready(user: bob, true, now: 1) == [.updated])
        #expect(machine.lobby.player(bob)?.ready == true)
        #expect(machine.lobby.version == 3)
        #expect(machine.ready(user: bob, true, now: 2).isEmpty)
        #expect(machine.lobby.version == 3)
        #expect(machine.ready(user: bob, false, now: 3) == [.updated])
        #expect(machine.lobby.version == 4)
        #expect(machine.ready(user: bob, false, now: 4).isEmpty)
    }

    @Test func theLastReadyStartsTheCountdownWithItsDeadline() {
        var machine = pair()
        _ = machine.ready(user: host, true, now: 10)
        let actions = machine.ready(user: bob, true, now: 500)
        #expect(actions == [.countdownStarted(deadline: 3500), .updated])
        #expect(machine.lobby.state == .countdown)
        #expect(machine.lobby.countdownEndsAt == 3500)
        #expect(machine.lobby.version == 4)
    }

    @Test func theCountdownLengthComesFromTheRules() {
        var machine = LobbyFixture.machine(rules: LobbyRules(countdownMs: 10_000))
        _ = machine.join(user: bob, username: "Bob", now: 0)
        _ = machine.ready(user: host, true, now: 0)
        #expect(machine.ready(user: bob, true, now: 7) == [.countdownStarted(deadline: 10_007), .updated])
    }

    @Test func aLoneReadyHostHasNoCountdown() {
        var machine = LobbyFixture.machine()
        #expect(machine.ready(user: host, true, now: 1) == [.updated])
        #expect(machine.lobby.state == .waiting)
    }

    @Test func unReadyingCancelsTheCountdown() {
        var machine = LobbyFixture.machine(in: .countdown)
        let version = machine.lobby.version
        #expect(machine.ready(user: bob, true, now: 100).isEmpty)
        let actions = machine.ready(user: bob, false, now: 100)
        #expect(actions == [.countdownCancelled, .updated])
        #expect(machine.lobby.state == .waiting && machine.lobby.countdownEndsAt == nil)
        #expect(machine.lobby.player(bob)?.ready == false && machine.lobby.player(host)?.ready == true)
        #expect(machine.lobby.version == version + 1)
    }

    @Test func leavingCancelsTheCountdown() {
        var machine = LobbyFixture.machine()
        _ = machine.join(user: bob, username: "Bob", now: 0)
        _ = machine.join(user: carol, username: "Carol", now: 0)
        for user in [host, bob, carol] { _ = machine.ready(user: user, true, now: 0) }
        #expect(machine.lobby.state == .countdown)
        let actions = machine.leave(user: host, reason: .left, now: 100)
        #expect(actions == [.playerLeft(host, .left), .hostChanged(bob), .countdownCancelled, .updated])
        // Back to waiting even though the two left are ready: the group decides again.
        #expect(machine.lobby.state == .waiting && machine.lobby.countdownEndsAt == nil)
    }

    @Test func leavingInWaitingStartsTheCountdownWhenEveryoneLeftIsReady() {
        var machine = LobbyFixture.machine()
        _ = machine.join(user: bob, username: "Bob", now: 0)
        _ = machine.join(user: carol, username: "Carol", now: 0)
        _ = machine.ready(user: host, true, now: 0)
        _ = machine.ready(user: bob, true, now: 0)
        let actions = machine.leave(user: carol, reason: .left, now: 50)
        #expect(actions == [.playerLeft(carol, .left), .countdownStarted(deadline: 3050), .updated])
        #expect(machine.lobby.state == .countdown)
    }

    @Test func aJoinAttemptCancelsTheCountdownAndIsRefused() {
        var machine = LobbyFixture.machine(in: .countdown)
        let version = machine.lobby.version
        let actions = machine.join(user: carol, username: "Carol", now: 100)
        #expect(actions.count == 3)
        #expect(Array(actions.suffix(2)) == [.countdownCancelled, .updated])
        let rejection = actions.rejection
        #expect(rejection?.code == .conflict && rejection?.reason == .wrongState)
        #expect(rejection?.message.contains("countdown") == true)
        #expect(machine.lobby.state == .waiting && machine.lobby.countdownEndsAt == nil)
        #expect(!machine.lobby.contains(carol))
        #expect(machine.lobby.version == version + 1)
        // Now waiting, the retry succeeds.
        #expect(machine.join(user: carol, username: "Carol", now: 101).rejection == nil)
    }

    @Test func aJoinAttemptThatWouldFailAnywayLeavesTheCountdownAlone() {
        var full = LobbyFixture.machine(maxPlayers: 2)
        _ = full.join(user: bob, username: "Bob", now: 0)
        _ = full.ready(user: host, true, now: 0)
        _ = full.ready(user: bob, true, now: 0)
        let before = full
        #expect(
            full.join(user: carol, username: "Carol", now: 1) == [
                .rejected(
                    .conflict(.lobbyFull, "the lobby is full (2 players)"))
            ])
        #expect(full.join(user: bob, username: "Bob", now: 1).rejectionReason == .alreadyMember)
        #expect(full == before)

        var hidden = LobbyFixture.machine(isPrivate: true)
        _ = hidden.ready(user: host, true, now: 0)
        _ = hidden.invite(from: host, to: bob, id: Lobby.InvitationID(rawValue: "i-b")!, now: 0)
        _ = hidden.join(user: bob, username: "Bob", now: 0)
        _ = hidden.ready(user: bob, true, now: 0)
        #expect(hidden.lobby.state == .countdown)
        #expect(hidden.join(user: stranger, username: "S", now: 1).rejectionReason == .privateLobby)
        #expect(hidden.lobby.state == .countdown)
    }

    @Test func theCountdownElapsingEarlyDoesNothingAndOnTimeStartsTheGame() {
        var machine = pair()
        _ = machine.ready(user: host, true, now: 0)
        _ = machine.ready(user: bob, true, now: 1000)
        let before = machine
        #expect(machine.countdownElapsed(now: 3999).isEmpty)
        #expect(machine == before)
        let actions = machine.countdownElapsed(now: 4000)
        #expect(machine.lobby.state == .inGame && machine.lobby.countdownEndsAt == nil)
        #expect(machine.lobby.version == before.lobby.version + 1)
        #expect(actions == [.startGame(machine.lobby), .updated])
    }

    @Test func theCountdownElapsingLateStillStartsTheGameOnce() {
        var machine = LobbyFixture.machine(in: .countdown)
        let actions = machine.countdownElapsed(now: 60_000)
        #expect(actions == [.startGame(machine.lobby), .updated])
        #expect(machine.countdownElapsed(now: 60_001).isEmpty)
    }

    @Test func aStaleCountdownTimerIsIgnoredAfterACancelAndARestart() {
        var machine = pair()
        _ = machine.ready(user: host, true, now: 0)
        _ = machine.ready(user: bob, true, now: 0)  // deadline 3000
        _ = machine.ready(user: bob, false, now: 1000)
        #expect(machine.countdownElapsed(now: 3000).isEmpty)
        #expect(machine.lobby.state == .waiting)
        _ = machine.ready(user: bob, true, now: 2000)  // deadline 5000
        #expect(machine.countdownElapsed(now: 3000).isEmpty)
        #expect(machine.lobby.state == .countdown)
        #expect(machine.countdownElapsed(now: 5000).count == 2)
    }

    @Test func theHostStartsDuringTheCountdownSkippingTheRest() {
        var machine = LobbyFixture.machine(in: .countdown)
        let version = machine.lobby.version
        let actions = machine.start(user: host)
        #expect(actions == [.startGame(machine.lobby), .updated])
        #expect(machine.lobby.state == .inGame && machine.lobby.countdownEndsAt == nil)
        #expect(machine.lobby.version == version + 1)
        #expect(machine.countdownElapsed(now: 1_000_000).isEmpty)
    }

    @Test func onlyTheHostStarts() {
        var machine = LobbyFixture.machine(in: .countdown)
        let before = machine
        let rejection = machine.start(user: bob).rejection
        #expect(rejection?.code == .forbidden && rejection?.reason == .notHost)
        #expect(machine.start(user: stranger).rejectionReason == .notMember)
        #expect(machine == before)
    }

    @Test func startingFromWaitingNeedsEveryoneReady() {
        var machine = pair()
        _ = machine.ready(user: host, true, now: 0)
        let rejection = machine.start(user: host).rejection
        #expect(rejection?.code == .conflict && rejection?.reason == .notReady)
        #expect(rejection?.message.contains("waiting") == true)
        var alone = LobbyFixture.machine()
        _ = alone.ready(user: host, true, now: 0)
        #expect(alone.start(user: host).rejectionReason == .notReady)
    }

    @Test func startingFromWaitingWithEveryoneReadyStartsAtOnce() {
        // After a leave cancelled the countdown, everyone left is ready but the lobby is waiting.
        var machine = LobbyFixture.machine()
        _ = machine.join(user: bob, username: "Bob", now: 0)
        _ = machine.join(user: carol, username: "Carol", now: 0)
        for user in [host, bob, carol] { _ = machine.ready(user: user, true, now: 0) }
        _ = machine.leave(user: carol, reason: .left, now: 0)
        #expect(machine.lobby.state == .waiting)
        let actions = machine.start(user: host)
        #expect(actions == [.startGame(machine.lobby), .updated])
        #expect(machine.lobby.state == .inGame)
    }

    @Test func theEndOfAGameFinishesTheLobbyAndUnReadiesEveryone() {
        var machine = LobbyFixture.machine(in: .inGame)
        let version = machine.lobby.version
        let actions = machine.gameEnded(LobbyFixture.result)
        #expect(actions == [.gameFinished(LobbyFixture.result), .updated])
        #expect(machine.lobby.state == .finished)
        #expect(machine.lobby.result == LobbyFixture.result)
        #expect(machine.lobby.players.allSatisfy { !$0.ready })
        #expect(machine.lobby.version == version + 1)
    }

    @Test func aGameEndsOnlyInGame() {
        for state in [Lobby.State.waiting, .countdown, .finished, .closed] {
            var machine = LobbyFixture.machine(in: state)
            let before = machine
            #expect(machine.gameEnded(LobbyFixture.result).rejectionReason == .wrongState, "state \(state)")
            #expect(machine == before)
        }
    }

    @Test func gettingReadyAfterAGameStartsARematch() {
        var machine = LobbyFixture.machine(in: .finished)
        let version = machine.lobby.version
        #expect(machine.ready(user: bob, false, now: 1).isEmpty)
        let actions = machine.ready(user: bob, true, now: 10_000)
        #expect(actions == [.updated])
        #expect(machine.lobby.state == .waiting)
        #expect(machine.lobby.result == nil)
        #expect(machine.lobby.player(bob)?.ready == true && machine.lobby.player(host)?.ready == false)
        #expect(machine.lobby.version == version + 1)
        // The second ready starts the rematch's countdown.
        #expect(machine.ready(user: host, true, now: 10_001) == [.countdownStarted(deadline: 13_001), .updated])
    }

    @Test func readyIsRefusedDuringAGame() {
        var machine = LobbyFixture.machine(in: .inGame)
        let rejection = machine.ready(user: bob, false, now: 0).rejection
        #expect(rejection?.reason == .wrongState && rejection?.message.contains("in_game") == true)
    }
}
