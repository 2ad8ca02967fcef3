import GameEvents
import Testing

@testable import LobbyServer

/// Invitations: private lobbies, accepting, declining, expiry, repeated answers, full lobbies, and their end
/// with the lobby.
@Suite struct LobbyInvitationTests {
    let host = LobbyFixture.host
    let bob = LobbyFixture.bob
    let carol = LobbyFixture.carol
    let first = Lobby.InvitationID(rawValue: "i-first")!
    let second = Lobby.InvitationID(rawValue: "i-second")!

    /// A private lobby of the host with a pending invitation `first` to Bob, made at 1000 (expires at 61 000).
    func invited() -> LobbyStateMachine {
        var machine = LobbyFixture.machine(isPrivate: true)
        _ = machine.invite(from: host, to: bob, id: first, now: 1000)
        return machine
    }

    @Test func anInvitationIsMadeWithItsExpiryAndIsInvisible() {
        var machine = LobbyFixture.machine(isPrivate: true)
        let actions = machine.invite(from: host, to: bob, id: first, now: 1000)
        let invitation = Lobby.Invitation(
            id: first, lobbyId: LobbyFixture.lobbyId, from: host, to: bob, createdAt: 1000, expiresAt: 61_000,
            status: .pending)
        #expect(actions == [.invitationCreated(invitation)])
        #expect(machine.invitations.all == [invitation])
        #expect(machine.lobby.version == 1)
    }

    @Test func aPrivateLobbyIsJoinedOnlyWithAnInvitation() {
        var machine = invited()
        #expect(machine.join(user: carol, username: "Carol", now: 2000).rejectionReason == .privateLobby)
        // Bob may accept, or simply join: his pending invitation lets him in and is then accepted.
        let actions = machine.join(user: bob, username: "Bob", now: 2000)
        #expect(actions == [.playerJoined(machine.lobby.player(bob)!), .updated])
        #expect(machine.invitations.invitation(first)?.status == .accepted)
        #expect(
            machine.accept(user: bob, username: "Bob", invitation: first, now: 2001).rejectionReason
                == .invitationAnswered)
    }

    @Test func acceptingJoinsThePrivateLobby() {
        var machine = invited()
        let actions = machine.accept(user: bob, username: "Bob", invitation: first, now: 60_999)
        #expect(actions == [.playerJoined(machine.lobby.player(bob)!), .updated])
        #expect(machine.lobby.memberIds == [host, bob])
        #expect(machine.lobby.version == 2)
        #expect(machine.invitations.invitation(first)?.status == .accepted)
    }

    @Test func anInvitationExpiresAtItsDeadline() {
        var machine = invited()
        let before = machine
        let rejection = machine.accept(user: bob, username: "Bob", invitation: first, now: 61_000).rejection
        #expect(rejection?.code == .conflict && rejection?.reason == .invitationExpired)
        #expect(machine == before)
        #expect(machine.join(user: bob, username: "Bob", now: 61_000).rejectionReason == .privateLobby)
        #expect(machine.decline(user: bob, invitation: first, now: 61_000).rejectionReason == .invitationExpired)
    }

    @Test func theSweepMarksExpiredInvitationsThenPurgesThem() {
        var machine = invited()
        _ = machine.invite(from: host, to: carol, id: second, now: 30_000)
        #expect(machine.expireInvitations(now: 60_999).isEmpty)
        let expired = machine.expireInvitations(now: 61_000)
        #expect(expired.map(\.id) == [first] && expired.first?.status == .expired)
        #expect(machine.expireInvitations(now: 61_000).isEmpty)
        // Kept for one more time-to-live, so a late answer is told it expired ...
        #expect(
            machine.accept(user: bob, username: "Bob", invitation: first, now: 100_000).rejectionReason
                == .invitationExpired)
        // ... then forgotten.
        _ = machine.expireInvitations(now: 121_000)
        #expect(machine.invitations.invitation(first) == nil)
        #expect(machine.invitations.invitation(second)?.status == .expired)
        #expect(
            machine.accept(user: bob, username: "Bob", invitation: first, now: 121_000).rejectionReason
                == .invitationNotFound)
        // Expiry frees the invitee for a new invitation.
        #expect(
            machine.invite(from: host, to: bob, id: Lobby.InvitationID(rawValue: "i-again")!, now: 121_000)
                .rejection == nil)
    }

    @Test func declineTellsTheInviterAndRepeatedAnswersAreRefused() {
        var machine = invited()
        let actions = machine.decline(user: bob, invitation: first, now: 2000)
        let declined = machine.invitations.invitation(first)!
        #expect(declined.status == .declined)
        #expect(actions == [.invitationDeclined(declined)])
        #expect(machine.lobby.version == 1)
        #expect(machine.decline(user: bob, invitation: first, now: 2001).rejectionReason == .invitationAnswered)
        let again = machine.accept(user: bob, username: "Bob", invitation: first, now: 2001).rejection
        #expect(again?.code == .conflict && again?.reason == .invitationAnswered)
        #expect(again?.message.contains("declined") == true)
    }

    @Test func someoneElsesInvitationIsNotFound() {
        var machine = invited()
        let rejection = machine.accept(user: carol, username: "Carol", invitation: first, now: 2000).rejection
        #expect(rejection?.code == .notFound && rejection?.reason == .invitationNotFound)
        #expect(machine.decline(user: carol, invitation: first, now: 2000).rejectionReason == .invitationNotFound)
        #expect(
            machine.accept(user: bob, username: "Bob", invitation: second, now: 2000).rejection?.code
                == .notFound)
        #expect(machine.invitations.invitation(first)?.status == .pending)
    }

    @Test func inviteRefusals() {
        var machine = invited()
        let before = machine
        #expect(machine.invite(from: host, to: bob, id: second, now: 2000).rejectionReason == .alreadyInvited)
        #expect(machine.invite(from: host, to: host, id: second, now: 2000).rejectionReason == .alreadyMember)
        #expect(
            machine.invite(from: carol, to: LobbyFixture.dave, id: second, now: 2000).rejectionReason
                == .notMember)
        #expect(machine == before)
    }

    @Test func aFullLobbyTakesNoInvitationAndNoInvitee() {
        var machine = LobbyFixture.machine(maxPlayers: 2, isPrivate: true)
        _ = machine.invite(from: host, to: bob, id: first, now: 0)
        _ = machine.invite(from: host, to: carol, id: second, now: 0)
        _ = machine.accept(user: bob, username: "Bob", invitation: first, now: 1)
        #expect(
            machine.invite(from: bob, to: LobbyFixture.dave, id: Lobby.InvitationID(rawValue: "i-3")!, now: 2)
                .rejectionReason == .lobbyFull)
        #expect(
            machine.accept(user: carol, username: "Carol", invitation: second, now: 2).rejectionReason
                == .lobbyFull)
        // The refused invitation stays pending: once a seat frees up, it works.
        _ = machine.leave(user: bob, reason: .left, now: 3)
        #expect(machine.accept(user: carol, username: "Carol", invitation: second, now: 4).rejection == nil)
    }

    @Test func acceptingDuringTheCountdownCancelsItAndKeepsTheInvitation() {
        var machine = invited()
        _ = machine.invite(from: host, to: carol, id: second, now: 1000)
        _ = machine.accept(user: bob, username: "Bob", invitation: first, now: 1000)
        _ = machine.ready(user: host, true, now: 1000)
        _ = machine.ready(user: bob, true, now: 1000)
        let actions = machine.accept(user: carol, username: "Carol", invitation: second, now: 1100)
        #expect(actions.rejectionReason == .wrongState && actions.contains(.countdownCancelled))
        #expect(machine.invitations.invitation(second)?.status == .pending)
        #expect(machine.accept(user: carol, username: "Carol", invitation: second, now: 1200).rejection == nil)
    }

    @Test func pendingInvitationsAreCapped() {
        var machine = LobbyFixture.machine(rules: LobbyRules(maxPendingInvitations: 2))
        for index in 0..<2 {
            let id = Lobby.InvitationID(rawValue: "i-\(index)")!
            #expect(machine.invite(from: host, to: LobbyFixture.user("u-\(index)"), id: id, now: 0).rejection == nil)
        }
        let id = Lobby.InvitationID(rawValue: "i-x")!
        #expect(machine.invite(from: host, to: carol, id: id, now: 0).rejectionReason == .tooManyInvitations)
        // Expired ones stop counting.
        #expect(machine.invite(from: host, to: carol, id: id, now: 60_000).rejection == nil)
    }

    @Test func invitationsDieWithTheLobby() {
        var machine = invited()
        _ = machine.close(user: host)
        #expect(machine.invitations.isEmpty)
        #expect(
            machine.accept(user: bob, username: "Bob", invitation: first, now: 2000).rejectionReason
                == .invitationNotFound)
    }

    @Test func invitingIsAllowedDuringAGameButJoiningWaits() {
        var machine = LobbyFixture.machine(in: .inGame)
        _ = machine.invite(from: bob, to: carol, id: first, now: 1000)
        #expect(
            machine.accept(user: carol, username: "Carol", invitation: first, now: 2000).rejectionReason
                == .wrongState)
        _ = machine.gameEnded(LobbyFixture.result)
        #expect(machine.accept(user: carol, username: "Carol", invitation: first, now: 3000).rejection == nil)
        #expect(machine.lobby.state == .finished)
    }
}
