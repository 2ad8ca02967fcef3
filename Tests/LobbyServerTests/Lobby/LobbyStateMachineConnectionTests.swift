import GameEvents
import Testing

@testable import LobbyServer

/// Disconnects, reconnects and the end of the grace period: membership belongs to the user, not the socket.
@Suite struct LobbyStateMachineConnectionTests {
    let host = LobbyFixture.host
    let bob = LobbyFixture.bob

    @Test func aDisconnectKeepsTheSeatAndStartsTheGrace() {
        var machine = LobbyFixture.machine(in: .waiting)
        let actions = machine.disconnected(user: bob, now: 5000)
        #expect(actions == [.graceStarted(bob, deadline: 35_000), .updated])
        let player = machine.lobby.player(bob)
        #expect(player?.connected == false && player?.disconnectedAt == 5000)
        #expect(machine.lobby.state == .waiting)
        #expect(machine.lobby.version == 3)
        #expect(machine.disconnected(user: bob, now: 6000).isEmpty)
        #expect(machine.lobby.player(bob)?.disconnectedAt == 5000)
    }

    @Test func aDisconnectDoesNotChangeTheState() {
        for state in [Lobby.State.countdown, .inGame, .finished] {
            var machine = LobbyFixture.machine(in: state)
            _ = machine.disconnected(user: bob, now: 1)
            #expect(machine.lobby.state == state)
            #expect(machine.lobby.countdownEndsAt == LobbyFixture.machine(in: state).lobby.countdownEndsAt)
        }
    }

    @Test func reconnectingRestoresThePlayer() {
        var machine = LobbyFixture.machine(in: .waiting)
        _ = machine.disconnected(user: bob, now: 5000)
        #expect(machine.reconnected(user: bob) == [.updated])
        let player = machine.lobby.player(bob)
        #expect(player?.connected == true && player?.disconnectedAt == nil)
        #expect(machine.lobby.version == 4)
        #expect(machine.reconnected(user: bob).isEmpty)
        #expect(machine.lobby.version == 4)
    }

    @Test func theGraceEndingRemovesTheStillDisconnectedPlayer() {
        var machine = LobbyFixture.machine(in: .waiting)
        _ = machine.disconnected(user: bob, now: 5000)
        #expect(machine.graceExpired(user: bob, now: 34_999).isEmpty)
        #expect(machine.lobby.contains(bob))
        let actions = machine.graceExpired(user: bob, now: 35_000)
        #expect(actions == [.playerLeft(bob, .disconnected), .updated])
        #expect(!machine.lobby.contains(bob))
    }

    @Test func theGraceTimerIsStaleAfterAReconnect() {
        var machine = LobbyFixture.machine(in: .waiting)
        _ = machine.disconnected(user: bob, now: 5000)
        _ = machine.reconnected(user: bob)
        #expect(machine.graceExpired(user: bob, now: 35_000).isEmpty)
        // A later disconnect has its own deadline; the first timer firing again changes nothing.
        _ = machine.disconnected(user: bob, now: 20_000)
        #expect(machine.graceExpired(user: bob, now: 35_000).isEmpty)
        #expect(machine.graceExpired(user: bob, now: 50_000).count == 2)
        #expect(machine.graceExpired(user: LobbyFixture.stranger, now: 50_000).isEmpty)
    }

    @Test func aDisconnectedHostLosingTheSeatHandsItOverAndTheCountdownStops() {
        var machine = LobbyFixture.machine(in: .countdown)
        _ = machine.disconnected(user: host, now: 1000)
        #expect(machine.lobby.state == .countdown)
        let actions = machine.graceExpired(user: host, now: 31_000)
        #expect(actions == [.playerLeft(host, .disconnected), .hostChanged(bob), .countdownCancelled, .updated])
        #expect(machine.lobby.hostId == bob && machine.lobby.state == .waiting)
    }

    @Test func theGraceEndingDuringAGameForfeitsIt() {
        var machine = LobbyFixture.machine(in: .inGame)
        _ = machine.disconnected(user: bob, now: 1000)
        let actions = machine.graceExpired(user: bob, now: 31_000)
        #expect(actions == [.playerLeft(bob, .disconnected), .playerLeftGame(bob), .updated])
    }

    @Test func theGraceLengthComesFromTheRules() {
        var machine = LobbyFixture.machine(rules: LobbyRules(disconnectGraceMs: 5))
        _ = machine.join(user: bob, username: "Bob", now: 0)
        #expect(machine.disconnected(user: bob, now: 10).first == .graceStarted(bob, deadline: 15))
        #expect(machine.graceExpired(user: bob, now: 15).first == .playerLeft(bob, .disconnected))
    }
}
