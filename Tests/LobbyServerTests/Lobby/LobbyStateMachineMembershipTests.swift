import GameEvents
import Testing

@testable import LobbyServer

/// Creating, joining, leaving (with host migration) and closing, transition by transition.
@Suite struct LobbyStateMachineMembershipTests {
    let host = LobbyFixture.host
    let bob = LobbyFixture.bob
    let carol = LobbyFixture.carol
    let dave = LobbyFixture.dave

    @Test func createMakesAWaitingLobbyWithTheHostAloneAndVersionOne() {
        let machine = LobbyFixture.machine(now: 1234)
        let lobby = machine.lobby
        #expect(lobby.state == .waiting)
        #expect(lobby.version == 1)
        #expect(lobby.hostId == host)
        #expect(lobby.createdAt == 1234)
        #expect(lobby.name == "Friday pong")
        #expect(lobby.maxPlayers == 4)
        #expect(lobby.settings.pointsToWin == 5)
        #expect(lobby.countdownEndsAt == nil && lobby.result == nil)
        #expect(lobby.players.count == 1)
        let player = lobby.players[0]
        #expect(player.userId == host && player.username == "Host")
        #expect(!player.ready && player.connected && player.disconnectedAt == nil)
        #expect(player.joinedAt == 1234)
        #expect(player.customization.paddleColor == Lobby.PaddleColor.palette[0])
    }

    @Test func joinInWaitingSeatsThePlayerLastAndBumpsTheVersion() {
        var machine = LobbyFixture.machine()
        let actions = machine.join(user: bob, username: "Bob", now: 2000)
        let bobPlayer = machine.lobby.player(bob)!
        #expect(actions == [.playerJoined(bobPlayer), .updated])
        #expect(machine.lobby.memberIds == [host, bob])
        #expect(machine.lobby.version == 2)
        #expect(bobPlayer.joinedAt == 2000 && !bobPlayer.ready && bobPlayer.connected)
        #expect(bobPlayer.customization.paddleColor == Lobby.PaddleColor.palette[1])
        #expect(machine.lobby.state == .waiting)
    }

    @Test func joinInFinishedKeepsTheResultAndTheState() {
        var machine = LobbyFixture.machine(in: .finished)
        let version = machine.lobby.version
        let actions = machine.join(user: carol, username: "Carol", now: 10_000)
        #expect(actions == [.playerJoined(machine.lobby.player(carol)!), .updated])
        #expect(machine.lobby.state == .finished)
        #expect(machine.lobby.result == LobbyFixture.result)
        #expect(machine.lobby.version == version + 1)
    }

    @Test func joinRejectionsLeaveTheLobbyUntouched() {
        var full = LobbyFixture.machine(maxPlayers: 2)
        _ = full.join(user: bob, username: "Bob", now: 1)
        let before = full
        #expect(full.join(user: carol, username: "Carol", now: 2).rejectionReason == .lobbyFull)
        #expect(full.join(user: bob, username: "Bob", now: 2).rejectionReason == .alreadyMember)
        #expect(full.join(user: host, username: "Host", now: 2).rejection?.code == .conflict)
        #expect(full == before)

        var hidden = LobbyFixture.machine(isPrivate: true)
        let rejection = hidden.join(user: carol, username: "Carol", now: 2).rejection
        #expect(rejection?.code == .forbidden && rejection?.reason == .privateLobby)
        #expect(hidden.lobby.memberIds == [host])

        var playing = LobbyFixture.machine(in: .inGame)
        let inGame = playing.join(user: carol, username: "Carol", now: 2).rejection
        #expect(inGame?.code == .conflict && inGame?.reason == .wrongState)
        #expect(inGame?.message.contains("in_game") == true)
    }

    @Test func aPlayerLeavingIsAnnouncedAndTheRestStay() {
        var machine = LobbyFixture.machine()
        _ = machine.join(user: bob, username: "Bob", now: 1)
        _ = machine.join(user: carol, username: "Carol", now: 2)
        let actions = machine.leave(user: bob, reason: .left, now: 3)
        #expect(actions == [.playerLeft(bob, .left), .updated])
        #expect(machine.lobby.memberIds == [host, carol])
        #expect(machine.lobby.hostId == host)
        #expect(machine.lobby.version == 4)
    }

    @Test func hostLeavingPassesTheLobbyToTheEarliestJoined() {
        var machine = LobbyFixture.machine()
        _ = machine.join(user: bob, username: "Bob", now: 1)
        _ = machine.join(user: carol, username: "Carol", now: 2)
        let actions = machine.leave(user: host, reason: .left, now: 3)
        #expect(actions == [.playerLeft(host, .left), .hostChanged(bob), .updated])
        #expect(machine.lobby.hostId == bob)
        #expect(machine.lobby.memberIds == [bob, carol])
    }

    @Test func hostMigrationPrefersConnectedPlayers() {
        var machine = LobbyFixture.machine()
        _ = machine.join(user: bob, username: "Bob", now: 1)
        _ = machine.join(user: carol, username: "Carol", now: 2)
        _ = machine.join(user: dave, username: "Dave", now: 3)
        _ = machine.disconnected(user: bob, now: 4)
        let actions = machine.leave(user: host, reason: .kicked, now: 5)
        #expect(actions == [.playerLeft(host, .kicked), .hostChanged(carol), .updated])
        #expect(machine.lobby.hostId == carol)
    }

    @Test func hostMigrationFallsBackToTheEarliestJoinedWhenNobodyIsConnected() {
        var machine = LobbyFixture.machine()
        _ = machine.join(user: bob, username: "Bob", now: 1)
        _ = machine.join(user: carol, username: "Carol", now: 2)
        _ = machine.disconnected(user: bob, now: 3)
        _ = machine.disconnected(user: carol, now: 3)
        _ = machine.leave(user: host, reason: .left, now: 4)
        #expect(machine.lobby.hostId == bob)
    }

    @Test func theLastPlayerLeavingClosesTheLobby() {
        var machine = LobbyFixture.machine()
        _ = machine.invite(from: host, to: bob, id: Lobby.InvitationID(rawValue: "i-1")!, now: 1)
        let actions = machine.leave(user: host, reason: .left, now: 2)
        #expect(actions == [.playerLeft(host, .left), .closed(.empty, formerMembers: [])])
        #expect(machine.lobby.state == .closed)
        #expect(machine.lobby.players.isEmpty)
        #expect(machine.lobby.version == 2)
        #expect(machine.invitations.isEmpty)
    }

    @Test func leavingARunningGameForfeitsIt() {
        var machine = LobbyFixture.machine(in: .inGame)
        let version = machine.lobby.version
        let actions = machine.leave(user: bob, reason: .left, now: 5000)
        #expect(actions == [.playerLeft(bob, .left), .playerLeftGame(bob), .updated])
        #expect(machine.lobby.state == .inGame)
        #expect(machine.lobby.version == version + 1)
    }

    @Test func theLastPlayerLeavingARunningGameForfeitsAndCloses() {
        var machine = LobbyFixture.machine(in: .inGame)
        _ = machine.leave(user: bob, reason: .left, now: 5000)
        let actions = machine.leave(user: host, reason: .disconnected, now: 5001)
        #expect(
            actions == [.playerLeft(host, .disconnected), .playerLeftGame(host), .closed(.empty, formerMembers: [])])
    }

    @Test func leavingFinishedKeepsItFinished() {
        var machine = LobbyFixture.machine(in: .finished)
        let actions = machine.leave(user: host, reason: .left, now: 1)
        #expect(actions == [.playerLeft(host, .left), .hostChanged(bob), .updated])
        #expect(machine.lobby.state == .finished)
    }

    @Test func nonMembersCannotLeave() {
        var machine = LobbyFixture.machine()
        #expect(machine.leave(user: bob, reason: .left, now: 1).rejectionReason == .notMember)
        #expect(machine.lobby.version == 1)
    }

    @Test func theHostClosesAndEveryoneIsRemoved() {
        var machine = LobbyFixture.machine()
        _ = machine.join(user: bob, username: "Bob", now: 1)
        _ = machine.invite(from: bob, to: carol, id: Lobby.InvitationID(rawValue: "i-1")!, now: 1)
        let actions = machine.close(user: host)
        #expect(actions == [.closed(.hostClosed, formerMembers: [host, bob])])
        #expect(machine.lobby.state == .closed)
        #expect(machine.lobby.players.isEmpty)
        #expect(machine.lobby.version == 3)
        #expect(machine.invitations.isEmpty)
    }

    @Test func theHostMayCloseInEveryOpenState() {
        for state in [Lobby.State.waiting, .countdown, .inGame, .finished] {
            var machine = LobbyFixture.machine(in: state)
            let actions = machine.close(user: host)
            #expect(actions == [.closed(.hostClosed, formerMembers: [host, bob])], "state \(state)")
            #expect(machine.lobby.state == .closed && machine.lobby.countdownEndsAt == nil)
        }
    }

    @Test func onlyTheHostMayClose() {
        var machine = LobbyFixture.machine(in: .waiting)
        let rejection = machine.close(user: bob).rejection
        #expect(rejection?.code == .forbidden && rejection?.reason == .notHost)
        #expect(machine.close(user: carol).rejectionReason == .notMember)
        #expect(machine.lobby.state == .waiting && machine.lobby.version == 2)
    }

    @Test func aClosedLobbyRefusesEverythingAndIgnoresTimers() {
        var machine = LobbyFixture.machine(in: .closed)
        let before = machine
        #expect(machine.join(user: carol, username: "Carol", now: 1).rejectionReason == .wrongState)
        #expect(machine.leave(user: host, reason: .left, now: 1).rejectionReason == .wrongState)
        #expect(machine.close(user: host).rejectionReason == .wrongState)
        #expect(machine.close(user: host).rejection?.message.contains("closed") == true)
        #expect(machine.disconnected(user: host, now: 1).isEmpty)
        #expect(machine.reconnected(user: host).isEmpty)
        #expect(machine.graceExpired(user: host, now: 1_000_000).isEmpty)
        #expect(machine.countdownElapsed(now: 1_000_000).isEmpty)
        #expect(machine == before)
    }
}
