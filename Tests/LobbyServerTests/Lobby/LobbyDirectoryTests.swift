import GameEvents
import Testing

@testable import LobbyServer

/// The directory: ids, the one-lobby-per-user index kept in step with every event, routing by user and by
/// invitation, and the removal of closed lobbies.
@Suite struct LobbyDirectoryTests {
    typealias Directory = LobbyDirectory<LobbyTestRandom>
    let host = LobbyFixture.host
    let bob = LobbyFixture.bob
    let carol = LobbyFixture.carol

    func directory(rules: LobbyRules = LobbyRules()) -> Directory {
        Directory(rules: rules, random: LobbyTestRandom(state: 42))
    }

    /// Creates a lobby of `host` and returns its id.
    func create(
        _ directory: inout Directory, host: UserID, isPrivate: Bool = false, maxPlayers: Int = 4, now: Int64 = 0
    ) -> LobbyID {
        let outcome = directory.create(
            host: host, username: host.rawValue,
            options: LobbyFixture.options(
                maxPlayers: maxPlayers,
                isPrivate: isPrivate), now: now)
        return outcome.lobby!.id
    }

    @Test func creatingRegistersTheLobbyAndItsHost() {
        var directory = directory()
        let outcome = directory.create(host: host, username: "Host", options: LobbyFixture.options(), now: 7)
        #expect(outcome.actions == [.created])
        let lobby = outcome.lobby!
        #expect(lobby.state == .waiting && lobby.version == 1 && lobby.createdAt == 7)
        #expect(directory.lobby(lobby.id) == lobby)
        #expect(directory.lobbyOf(host) == lobby.id)
        #expect(directory.count == 1)
    }

    @Test func idsAreServerMadeAndDistinct() {
        var directory = directory()
        var ids = Set<LobbyID>()
        for index in 0..<50 {
            let id = create(&directory, host: LobbyFixture.user("u-\(index)"))
            let text = id.rawValue
            #expect(text.hasPrefix("l-") && text.count == 12)
            #expect(text.dropFirst(2).allSatisfy { "0123456789abcdefghjkmnpqrstvwxyz".contains($0) })
            ids.insert(id)
        }
        #expect(ids.count == 50)
        let invite = directory.invite(from: LobbyFixture.user("u-0"), to: bob, now: 0)
        guard case .invitationCreated(let invitation) = invite.actions.first else {
            Issue.record("no invitation: \(invite.actions)")
            return
        }
        #expect(invitation.id.rawValue.hasPrefix("i-") && invitation.id.rawValue.count == 12)
    }

    @Test func theSameSeedMakesTheSameIds() {
        var one = directory()
        var two = directory()
        #expect(create(&one, host: host) == create(&two, host: host))
    }

    @Test func aUserIsInOneLobbyAtATime() {
        var directory = directory()
        let first = create(&directory, host: host)
        let second = create(&directory, host: bob)
        #expect(
            directory.create(host: host, username: "Host", options: LobbyFixture.options(), now: 0)
                .rejectionReason == .inAnotherLobby)
        let refusal = directory.join(user: bob, username: "Bob", lobby: first, now: 0).rejection
        #expect(refusal?.code == .conflict && refusal?.reason == .inAnotherLobby)
        #expect(directory.join(user: host, username: "Host", lobby: first, now: 0).rejectionReason == .alreadyMember)
        #expect(directory.lobby(first)?.memberIds == [host])
        // Leaving frees Bob (and closes his empty lobby); then he can join.
        let left = directory.leave(user: bob, reason: .left, now: 1)
        #expect(left.actions == [.playerLeft(bob, .left), .closed(.empty, formerMembers: [])])
        #expect(left.lobby?.state == .closed)
        #expect(directory.lobbyOf(bob) == nil)
        #expect(directory.lobby(second) == nil)
        #expect(directory.join(user: bob, username: "Bob", lobby: first, now: 2).rejection == nil)
        #expect(directory.lobbyOf(bob) == first)
    }

    @Test func unknownLobbiesAreNotFound() {
        var directory = directory()
        let rejection = directory.join(user: bob, username: "Bob", lobby: LobbyID(validating: "l-nope")!, now: 0)
        #expect(rejection.rejection?.code == .notFound && rejection.rejectionReason == .lobbyNotFound)
        #expect(rejection.lobby == nil)
    }

    @Test func requestsOutsideALobbyAreConflicts() {
        var directory = directory()
        let blue = Lobby.Customization(paddleColor: Lobby.PaddleColor.palette[1])
        for outcome in [
            directory.leave(user: bob, reason: .left, now: 0), directory.ready(user: bob, true, now: 0),
            directory.start(user: bob), directory.close(user: bob), directory.customize(user: bob, blue),
            directory.invite(from: bob, to: carol, now: 0),
        ] {
            #expect(outcome.rejectionReason == .notInLobby)
            #expect(outcome.rejection?.code == .conflict)
        }
    }

    @Test func connectionEventsAndTimersForNobodyAreQuiet() {
        var directory = directory()
        #expect(directory.disconnected(user: bob, now: 0) == LobbyOutcome(lobby: nil, actions: []))
        #expect(directory.reconnected(user: bob).actions.isEmpty)
        #expect(directory.graceExpired(user: bob, now: 0).actions.isEmpty)
        #expect(directory.countdownElapsed(lobby: LobbyFixture.lobbyId, now: 0).actions.isEmpty)
        #expect(
            directory.gameEnded(lobby: LobbyFixture.lobbyId, result: LobbyFixture.result).rejectionReason
                == .lobbyNotFound)
    }

    @Test func eventsReachTheUsersLobbyAndReturnItsState() {
        var directory = directory()
        let id = create(&directory, host: host)
        _ = directory.join(user: bob, username: "Bob", lobby: id, now: 0)
        _ = directory.ready(user: host, true, now: 0)
        let countdown = directory.ready(user: bob, true, now: 100)
        #expect(countdown.actions == [.countdownStarted(deadline: 3100), .updated])
        #expect(countdown.lobby == directory.lobby(id))
        #expect(directory.countdownElapsed(lobby: id, now: 3000).actions.isEmpty)
        let started = directory.countdownElapsed(lobby: id, now: 3100)
        #expect(started.lobby?.state == .inGame)
        let finished = directory.gameEnded(lobby: id, result: LobbyFixture.result)
        #expect(finished.lobby?.state == .finished)
        let disconnected = directory.disconnected(user: bob, now: 4000)
        #expect(disconnected.actions.first == .graceStarted(bob, deadline: 34_000))
        #expect(directory.reconnected(user: bob).lobby?.player(bob)?.connected == true)
    }

    @Test func theGraceEndingFreesTheUser() {
        var directory = directory()
        let id = create(&directory, host: host)
        _ = directory.join(user: bob, username: "Bob", lobby: id, now: 0)
        _ = directory.disconnected(user: bob, now: 0)
        let outcome = directory.graceExpired(user: bob, now: 30_000)
        #expect(outcome.actions.first == .playerLeft(bob, .disconnected))
        #expect(directory.lobbyOf(bob) == nil)
        #expect(directory.lobbyOf(host) == id)
    }

    @Test func closingFreesEveryMemberAndRemovesTheLobby() {
        var directory = directory()
        let id = create(&directory, host: host)
        _ = directory.join(user: bob, username: "Bob", lobby: id, now: 0)
        _ = directory.join(user: carol, username: "Carol", lobby: id, now: 0)
        #expect(directory.close(user: bob).rejectionReason == .notHost)
        let outcome = directory.close(user: host)
        #expect(outcome.actions == [.closed(.hostClosed, formerMembers: [host, bob, carol])])
        #expect(outcome.lobby?.state == .closed && outcome.lobby?.id == id)
        #expect(directory.lobby(id) == nil && directory.count == 0)
        #expect(directory.memberships.isEmpty)
        #expect(directory.join(user: bob, username: "Bob", lobby: id, now: 0).rejectionReason == .lobbyNotFound)
        #expect(directory.countdownElapsed(lobby: id, now: 99_999).actions.isEmpty)
    }

    @Test func invitationsAreFoundByIdAcrossTheDirectory() {
        var directory = directory()
        let id = create(&directory, host: host, isPrivate: true)
        let invite = directory.invite(from: host, to: bob, now: 1000)
        guard case .invitationCreated(let invitation) = invite.actions.first else {
            Issue.record("no invitation: \(invite.actions)")
            return
        }
        #expect(invitation.lobbyId == id && invitation.expiresAt == 61_000)
        #expect(
            directory.accept(user: carol, username: "Carol", invitation: invitation.id, now: 2000)
                .rejection?.code == .notFound)
        let unknown = Lobby.InvitationID(rawValue: "i-unknown")!
        #expect(
            directory.accept(user: bob, username: "Bob", invitation: unknown, now: 2000).rejectionReason
                == .invitationNotFound)
        let accepted = directory.accept(user: bob, username: "Bob", invitation: invitation.id, now: 2000)
        #expect(accepted.actions.first == .playerJoined(accepted.lobby!.player(bob)!))
        #expect(directory.lobbyOf(bob) == id)
        #expect(
            directory.accept(user: bob, username: "Bob", invitation: invitation.id, now: 2001).rejectionReason
                == .invitationAnswered)
    }

    @Test func acceptingWhileInAnotherLobbyIsAConflictAfterTheInvitationsOwnErrors() {
        var directory = directory()
        _ = create(&directory, host: host, isPrivate: true)
        _ = create(&directory, host: bob)
        let invite = directory.invite(from: host, to: bob, now: 0)
        guard case .invitationCreated(let invitation) = invite.actions.first else {
            Issue.record("no invitation")
            return
        }
        #expect(
            directory.accept(user: bob, username: "Bob", invitation: invitation.id, now: 1).rejectionReason
                == .inAnotherLobby)
        #expect(
            directory.accept(user: bob, username: "Bob", invitation: invitation.id, now: 60_000).rejectionReason
                == .invitationExpired)
        // Declining needs no seat, so it works from another lobby.
        let otherInvite = directory.invite(from: host, to: bob, now: 70_000)
        guard case .invitationCreated(let again) = otherInvite.actions.first else {
            Issue.record("no second invitation")
            return
        }
        let declined = directory.decline(user: bob, invitation: again.id, now: 70_001)
        #expect(declined.actions.first.map { if case .invitationDeclined = $0 { true } else { false } } == true)
    }

    @Test func theInvitationSweepExpiresThenForgets() {
        var directory = directory()
        _ = create(&directory, host: host, isPrivate: true)
        let invite = directory.invite(from: host, to: bob, now: 0)
        guard case .invitationCreated(let invitation) = invite.actions.first else {
            Issue.record("no invitation")
            return
        }
        #expect(directory.expireInvitations(now: 59_999).isEmpty)
        #expect(directory.expireInvitations(now: 60_000).map(\.id) == [invitation.id])
        #expect(
            directory.decline(user: bob, invitation: invitation.id, now: 60_001).rejectionReason
                == .invitationExpired)
        #expect(directory.expireInvitations(now: 120_000).isEmpty)
        #expect(
            directory.decline(user: bob, invitation: invitation.id, now: 120_001).rejectionReason
                == .invitationNotFound)
    }

    @Test func invitationsOfAClosedLobbyAreNotFound() {
        var directory = directory()
        _ = create(&directory, host: host, isPrivate: true)
        let invite = directory.invite(from: host, to: bob, now: 0)
        guard case .invitationCreated(let invitation) = invite.actions.first else {
            Issue.record("no invitation")
            return
        }
        _ = directory.close(user: host)
        #expect(
            directory.accept(user: bob, username: "Bob", invitation: invitation.id, now: 1).rejectionReason
                == .invitationNotFound)
        #expect(directory.expireInvitations(now: 200_000).isEmpty)
    }
}
