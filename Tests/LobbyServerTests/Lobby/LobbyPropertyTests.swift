import GameEvents
import Testing

@testable import LobbyServer

/// Seeded random sequences of every lobby event through a ``LobbyDirectory``; after each one the invariants
/// hold: the host is a member, seats are within `maxPlayers`, the user index matches the rosters, the version
/// grows by exactly one on every visible change and not otherwise, refusals change nothing (but the countdown a
/// join attempt cancels), and paging lists every public lobby once, in creation order.
@Suite struct LobbyPropertyTests {
    typealias Directory = LobbyDirectory<LobbyTestRandom>

    /// Short times so timers, grace periods and expiries all happen within a run.
    static let rules = LobbyRules(
        countdownMs: 500, invitationTtlMs: 2000, disconnectGraceMs: 1000, maxPendingInvitations: 4)
    static let users = (0..<12).map { LobbyFixture.user("u-\($0)") }

    /// The state of a run: the directory and what the test has seen so far.
    struct Run {
        var directory = Directory(rules: LobbyPropertyTests.rules, random: LobbyTestRandom(state: 99))
        var random: LobbyTestRandom
        var now: Int64 = 0
        var lobbyIds: [LobbyID] = [LobbyID(validating: "l-unknown")!]
        var invitationIds: [Lobby.InvitationID] = [Lobby.InvitationID(rawValue: "i-unknown")!]
        var statesSeen: Set<Lobby.State> = []
        var reasonsSeen: Set<LobbyRejection.Reason> = []
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func randomEventsKeepTheInvariants(seed: UInt64) {
        var run = Run(random: LobbyTestRandom(state: seed))
        for step in 0..<3000 {
            run.now += Int64.random(in: 0...200, using: &run.random)
            let before = snapshot(run.directory)
            let (name, outcome) = randomEvent(&run)
            if let lobby = outcome.lobby { run.statesSeen.insert(lobby.state) }
            if let reason = outcome.rejection?.reason { run.reasonsSeen.insert(reason) }
            for case .invitationCreated(let invitation) in outcome.actions { run.invitationIds.append(invitation.id) }
            let context = "seed \(seed), step \(step): \(name) -> \(outcome.actions)"
            checkLobbies(run.directory, context)
            checkChange(from: before, to: run.directory, outcome: outcome, context)
            if step % 100 == 0 { checkListing(run.directory, context) }
        }
        // The run reached every state and the interesting refusals, so the checks above were not vacuous.
        #expect(run.statesSeen == Set(Lobby.State.allCases), "seed \(seed)")
        for reason: LobbyRejection.Reason in [.lobbyFull, .inAnotherLobby, .notHost, .wrongState, .alreadyMember] {
            #expect(run.reasonsSeen.contains(reason), "seed \(seed): never saw \(reason)")
        }
    }

    // MARK: - Events

    /// One random event by a random user; returns its name and outcome.
    func randomEvent(_ run: inout Run) -> (String, LobbyOutcome) {
        let user = Self.users.randomElement(using: &run.random)!
        let other = Self.users.randomElement(using: &run.random)!
        let lobbyId = run.lobbyIds.randomElement(using: &run.random)!
        let invitation = run.invitationIds.randomElement(using: &run.random)!
        let now = run.now
        switch Int.random(in: 0..<20, using: &run.random) {
        case 0, 1:
            let options = try! Lobby.Options(
                name: "L\(now)", maxPlayers: Int.random(in: 2...4, using: &run.random),
                isPrivate: Int.random(in: 0..<4, using: &run.random) == 0)
            let outcome = run.directory.create(host: user, username: "N", options: options, now: now)
            if let id = outcome.lobby?.id, outcome.rejection == nil { run.lobbyIds.append(id) }
            return ("create", outcome)
        case 2, 3:
            let target = run.directory.lobbyOf(other) ?? lobbyId
            return ("join", run.directory.join(user: user, username: "N", lobby: target, now: now))
        case 4:
            let reason = Lobby.LeaveReason.allCases.randomElement(using: &run.random)!
            return ("leave", run.directory.leave(user: user, reason: reason, now: now))
        case 5, 6, 7:
            let ready = Int.random(in: 0..<4, using: &run.random) != 0
            return ("ready \(ready)", run.directory.ready(user: user, ready, now: now))
        case 8:
            return ("start", run.directory.start(user: user))
        case 9:
            return ("close", run.directory.close(user: user))
        case 10:
            let color =
                Int.random(in: 0..<2, using: &run.random) == 0
                ? Lobby.PaddleColor.palette.randomElement(using: &run.random)!
                : Lobby.PaddleColor(validating: "#0000" + ["00", "11", "22"].randomElement(using: &run.random)!)!
            return ("customize", run.directory.customize(user: user, Lobby.Customization(paddleColor: color)))
        case 11:
            return ("disconnected", run.directory.disconnected(user: user, now: now))
        case 12:
            return ("reconnected", run.directory.reconnected(user: user))
        case 13:
            return ("graceExpired", run.directory.graceExpired(user: user, now: now))
        case 14:
            return ("invite", run.directory.invite(from: user, to: other, now: now))
        case 15:
            return ("accept", run.directory.accept(user: user, username: "N", invitation: invitation, now: now))
        case 16:
            return ("decline", run.directory.decline(user: user, invitation: invitation, now: now))
        case 17:
            let target = lobby(in: .countdown, run.directory) ?? lobbyId
            return ("countdownElapsed", run.directory.countdownElapsed(lobby: target, now: now))
        case 18:
            // Mostly a running game (as the game owner would), sometimes any lobby.
            let lobbyId =
                Int.random(in: 0..<4, using: &run.random) == 0
                ? lobbyId : lobby(in: .inGame, run.directory) ?? lobbyId
            let members = run.directory.lobby(lobbyId)?.memberIds ?? []
            let result = Lobby.GameResult(
                winnerId: members.randomElement(using: &run.random), scores: [:], reason: .score, endedAt: now)
            return ("gameEnded", run.directory.gameEnded(lobby: lobbyId, result: result))
        default:
            let expired = run.directory.expireInvitations(now: now)
            for invitation in expired {
                #expect(invitation.status == .expired && invitation.expiresAt <= now)
            }
            return ("expireInvitations", LobbyOutcome(lobby: nil, actions: []))
        }
    }

    /// The first open lobby in `state`, if any.
    func lobby(in state: Lobby.State, _ directory: Directory) -> LobbyID? {
        directory.entries.values.filter { $0.machine.lobby.state == state }.min { $0.serial < $1.serial }?
            .machine.lobby.id
    }

    // MARK: - Invariants

    /// Every open lobby, by id.
    func snapshot(_ directory: Directory) -> [LobbyID: Lobby] {
        directory.entries.mapValues(\.machine.lobby)
    }

    /// Each lobby on its own, and the user index against the rosters.
    func checkLobbies(_ directory: Directory, _ context: String) {
        var seated = 0
        for (id, entry) in directory.entries {
            let lobby = entry.machine.lobby
            seated += lobby.players.count
            #expect(lobby.id == id, "\(context)")
            #expect(lobby.state != .closed, "\(context): closed lobbies are removed")
            #expect((1...lobby.maxPlayers).contains(lobby.players.count), "\(context)")
            #expect(lobby.contains(lobby.hostId), "\(context): the host is a member")
            #expect(Set(lobby.memberIds).count == lobby.players.count, "\(context)")
            #expect(Set(lobby.players.map(\.customization.paddleColor)).count == lobby.players.count, "\(context)")
            #expect((lobby.state == .countdown) == (lobby.countdownEndsAt != nil), "\(context)")
            #expect((lobby.state == .finished) == (lobby.result != nil), "\(context)")
            if lobby.state == .countdown {
                #expect(lobby.everyoneReady(minimum: Self.rules.minPlayers), "\(context)")
            }
            for player in lobby.players {
                #expect(directory.lobbyOf(player.userId) == id, "\(context): index of \(player.userId)")
                #expect(player.connected == (player.disconnectedAt == nil), "\(context)")
            }
            #expect(lobby.players.map(\.joinedAt) == lobby.players.map(\.joinedAt).sorted(), "\(context)")
        }
        #expect(directory.memberships.count == seated, "\(context): no stale index entries")
        for (user, id) in directory.memberships {
            #expect(directory.lobby(id)?.contains(user) == true, "\(context): \(user) indexed in \(id)")
        }
    }

    /// What one event changed: only its own lobby, by exactly one version when visibly, and nothing on refusal.
    func checkChange(from before: [LobbyID: Lobby], to directory: Directory, outcome: LobbyOutcome, _ context: String) {
        let after = snapshot(directory)
        let concerned = outcome.lobby?.id
        for (id, old) in before where id != concerned {
            #expect(after[id] == old, "\(context): another lobby changed")
        }
        guard let lobby = outcome.lobby else {
            #expect(after.count == before.count, "\(context)")
            return
        }
        let actions = outcome.actions
        if actions == [.created] {
            #expect(before[lobby.id] == nil && lobby.version == 1, "\(context)")
            return
        }
        guard let old = before[lobby.id] else {
            Issue.record("\(context): the outcome names a lobby that was not open")
            return
        }
        if lobby.state == .closed {
            #expect(after[lobby.id] == nil, "\(context)")
            #expect(lobby.version == old.version + 1, "\(context)")
            #expect(actions.contains { if case .closed = $0 { true } else { false } }, "\(context)")
            return
        }
        #expect(after[lobby.id] == lobby, "\(context): the outcome carries the current state")
        let visiblyChanged = lobby.withVersion(old.version) != old
        #expect(lobby.version == old.version + (visiblyChanged ? 1 : 0), "\(context)")
        #expect((actions.last == .updated) == visiblyChanged, "\(context)")
        if let rejection = actions.rejection {
            if visiblyChanged {
                // Only a join attempt during the countdown changes anything, and only by cancelling it.
                #expect(rejection.reason == .wrongState && old.state == .countdown, "\(context)")
                #expect(lobby.state == .waiting && lobby.players == old.players, "\(context)")
            }
        }
    }

    /// Paging with a small limit lists every public lobby exactly once, in creation order.
    func checkListing(_ directory: Directory, _ context: String) {
        var listed: [LobbyID] = []
        var cursor: String?
        repeat {
            guard let page = try? directory.list(cursor: cursor, limit: 3) else {
                Issue.record("\(context): listing failed")
                return
            }
            listed += page.lobbies.map(\.id)
            cursor = page.nextCursor
        } while cursor != nil
        let expected = directory.entries.values.filter { !$0.machine.lobby.isPrivate }.sorted { $0.serial < $1.serial }
        #expect(listed == expected.map(\.machine.lobby.id), "\(context)")
    }
}
