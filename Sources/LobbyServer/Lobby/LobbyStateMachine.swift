import GameEvents

/// One lobby's rules: every event is a `mutating` method named after it that returns the ``LobbyAction``s its
/// owner (the hub) performs (STYLE habit 2). Time is passed in as `now` (wall-clock milliseconds); deadlines come
/// back in actions and the owner calls the matching timer event when they pass. A stale timer is harmless: the
/// event checks the deadline it stored and does nothing when it has not passed or no longer applies.
///
/// ```mermaid
/// stateDiagram-v2
///     [*] --> waiting: create (the host is the only player, not ready)
///     waiting --> countdown: ready / leave leaves everyone ready (at least 2 players)
///     countdown --> waiting: un-ready, leave, join attempt (rejected)
///     countdown --> in_game: countdownElapsed, start (host)
///     waiting --> in_game: start (host; at least 2 players, all ready)
///     in_game --> finished: gameEnded (everyone un-ready)
///     finished --> waiting: ready(true) (rematch)
///     waiting --> closed: close (host), last player leaves
///     countdown --> closed: close (host), last player leaves
///     in_game --> closed: close (host), last player leaves
///     finished --> closed: close (host), last player leaves
///     closed --> [*]
/// ```
///
/// Within a state: join (waiting, finished), leave (host migration: earliest-joined connected player, else
/// earliest-joined), customize (not in_game), disconnected / reconnected (state unchanged), invitations (any
/// open state). Every other request gets a ``LobbyRejection`` (`conflict`/`wrong_state` naming the state, unless
/// a more precise reason applies). Every visible change bumps `lobby.version` by exactly one; invitations are not
/// part of the lobby's visible state and do not.
struct LobbyStateMachine: Equatable, Sendable {
    /// The lobby as members see it.
    private(set) var lobby: Lobby
    /// The lobby's invitations (pending, and answered or expired ones until purged).
    private(set) var invitations: LobbyInvitations
    /// The numbers the rules use.
    let rules: LobbyRules

    /// `create`: a `waiting` lobby whose only player is its host, not ready; version 1.
    init(id: LobbyID, host: UserID, username: String, options: Lobby.Options, rules: LobbyRules, now: Int64) {
        lobby = Lobby(
            id: id, name: options.name, gameType: options.gameType, maxPlayers: options.maxPlayers,
            isPrivate: options.isPrivate, settings: options.settings, hostId: host, players: [], state: .waiting,
            version: 1, createdAt: now, countdownEndsAt: nil, result: nil)
        _ = lobby.seat(host, username: username, at: now)
        invitations = LobbyInvitations()
        self.rules = rules
    }

    /// `restore`: a lobby saved at a clean shutdown comes back. Nobody is connected yet, so every player is
    /// disconnected as of `now` (each gets the reconnect grace period); a countdown or a game that was running
    /// did not survive the restart, so the lobby is back to `waiting` with nobody ready. Invitations are not kept.
    init(restoring saved: Lobby, rules: LobbyRules, now: Int64) {
        var lobby = saved
        if lobby.state == .countdown || lobby.state == .inGame {
            lobby.state = .waiting
            lobby.countdownEndsAt = nil
            for player in lobby.players { lobby.modifyPlayer(player.userId) { $0.ready = false } }
        }
        for player in lobby.players {
            lobby.modifyPlayer(player.userId) {
                $0.connected = false
                $0.disconnectedAt = now
            }
        }
        lobby.version += 1
        self.lobby = lobby
        invitations = LobbyInvitations()
        self.rules = rules
    }

    /// The grace timers a restored lobby needs: one per (disconnected) player.
    var restoredGraceActions: [LobbyAction] {
        lobby.players.compactMap { player in
            player.disconnectedAt.map { .graceStarted(player.userId, deadline: $0 + rules.disconnectGraceMs) }
        }
    }

    // MARK: - Membership

    /// `user` asks to join. Allowed in `waiting` and `finished` when there is a seat, and, for a private lobby,
    /// with a pending invitation (which is then accepted). In `countdown` the attempt is refused but cancels the
    /// countdown (so the group can wait for the newcomer), provided it would otherwise have been allowed.
    mutating func join(user: UserID, username: String, now: Int64) -> [LobbyAction] {
        let invited = invitations.hasPending(to: user, at: now)
        if let rejection = admissionRejection(user, invited: invited) { return [.rejected(rejection)] }
        return admit(user, username: username, now: now)
    }

    /// `user` leaves (or is removed) for `reason`. The host's seat passes to the earliest-joined connected
    /// player (else the earliest-joined); the last player leaving closes the lobby; leaving during the
    /// countdown cancels it; leaving a running game forfeits it (`.playerLeftGame`).
    mutating func leave(user: UserID, reason: Lobby.LeaveReason, now: Int64) -> [LobbyAction] {
        if let rejection = memberRejection(user, "leave") { return [.rejected(rejection)] }
        let previous = lobby.state
        _ = lobby.unseat(user)
        var actions: [LobbyAction] = [.playerLeft(user, reason)]
        if previous == .inGame { actions.append(.playerLeftGame(user)) }
        if lobby.players.isEmpty {
            actions.append(closeLobby(.empty))
            return actions
        }
        if lobby.hostId == user, let next = lobby.successor() {
            lobby.hostId = next
            actions.append(.hostChanged(next))
        }
        if previous == .countdown {
            cancelCountdown()
            actions.append(.countdownCancelled)
        } else if let deadline = beginCountdownIfEveryoneReady(now: now) {
            actions.append(.countdownStarted(deadline: deadline))
        }
        return actions + changed()
    }

    /// The host closes the lobby: everyone is removed, invitations die, the state is `closed` for good.
    mutating func close(user: UserID) -> [LobbyAction] {
        if let rejection = memberRejection(user, "close the lobby") { return [.rejected(rejection)] }
        guard lobby.hostId == user else {
            return [.rejected(.forbidden(.notHost, "only the host can close the lobby"))]
        }
        return [closeLobby(.hostClosed)]
    }

    // MARK: - Ready, countdown, game

    /// `user` sets their ready flag. In `waiting`, the flag that makes everyone ready (at least the minimum of
    /// players) starts the countdown; in `countdown`, un-readying cancels it; in `finished`, getting ready starts
    /// a rematch (back to `waiting`, everyone else un-ready).
    mutating func ready(user: UserID, _ ready: Bool, now: Int64) -> [LobbyAction] {
        if let rejection = memberRejection(user, ready ? "get ready" : "un-ready") { return [.rejected(rejection)] }
        switch lobby.state {
        case .waiting:
            guard lobby.player(user)?.ready != ready else { return [] }
            lobby.modifyPlayer(user) { $0.ready = ready }
        case .countdown:
            // Everyone is ready during the countdown, so only un-readying changes anything.
            guard !ready else { return [] }
            lobby.modifyPlayer(user) { $0.ready = false }
            cancelCountdown()
            return [.countdownCancelled] + changed()
        case .finished:
            guard ready else { return [] }
            lobby.state = .waiting
            lobby.result = nil
            lobby.unreadyEveryone()
            lobby.modifyPlayer(user) { $0.ready = true }
        case .inGame, .closed:
            return [.rejected(.wrongState(ready ? "get ready" : "un-ready", in: lobby.state))]
        }
        if let deadline = beginCountdownIfEveryoneReady(now: now) {
            return [.countdownStarted(deadline: deadline)] + changed()
        }
        return changed()
    }

    /// The host starts the game: at once from `countdown`, or from `waiting` when at least the minimum of
    /// players are all ready.
    mutating func start(user: UserID) -> [LobbyAction] {
        if let rejection = memberRejection(user, "start the game") { return [.rejected(rejection)] }
        guard lobby.hostId == user else {
            return [.rejected(.forbidden(.notHost, "only the host can start the game"))]
        }
        switch lobby.state {
        case .countdown:
            break
        case .waiting:
            guard lobby.everyoneReady(minimum: rules.minPlayers) else {
                let readyCount = lobby.players.filter(\.ready).count
                let refusal = LobbyRejection.conflict(
                    .notReady,
                    "cannot start while the lobby is waiting: it needs at least \(rules.minPlayers) players, "
                        + "all ready (\(readyCount) of \(lobby.players.count) ready)")
                return [.rejected(refusal)]
            }
        case .inGame, .finished, .closed:
            return [.rejected(.wrongState("start the game", in: lobby.state))]
        }
        return beginGame()
    }

    /// The countdown timer fired: the game starts if the countdown is still on and its deadline has passed;
    /// otherwise (early, cancelled, already started) nothing happens.
    mutating func countdownElapsed(now: Int64) -> [LobbyAction] {
        guard lobby.state == .countdown, let deadline = lobby.countdownEndsAt, now >= deadline else { return [] }
        return beginGame()
    }

    /// The game reported its end: `finished` with `result`, everyone un-ready.
    mutating func gameEnded(_ result: Lobby.GameResult) -> [LobbyAction] {
        guard lobby.state == .inGame else { return [.rejected(.wrongState("end a game", in: lobby.state))] }
        lobby.state = .finished
        lobby.result = result
        lobby.unreadyEveryone()
        return [.gameFinished(result)] + changed()
    }

    // MARK: - Players' options and connections

    /// `user` changes their options. Not while a game runs; the paddle colour must be unique in the lobby.
    mutating func customize(user: UserID, _ customization: Lobby.Customization) -> [LobbyAction] {
        if let rejection = memberRejection(user, "customize") { return [.rejected(rejection)] }
        guard lobby.state != .inGame else { return [.rejected(.wrongState("customize", in: lobby.state))] }
        let color = customization.paddleColor
        guard !lobby.isColorTaken(color, byOtherThan: user) else {
            return [.rejected(.conflict(.colorTaken, "another player already uses the colour \(color)"))]
        }
        guard lobby.player(user)?.customization != customization else { return [] }
        lobby.modifyPlayer(user) { $0.customization = customization }
        return changed()
    }

    /// `user`'s last connection dropped: they keep their seat, shown disconnected, until `graceExpired`.
    mutating func disconnected(user: UserID, now: Int64) -> [LobbyAction] {
        guard lobby.state != .closed, lobby.player(user)?.connected == true else { return [] }
        lobby.modifyPlayer(user) {
            $0.connected = false
            $0.disconnectedAt = now
        }
        return [.graceStarted(user, deadline: now + rules.disconnectGraceMs)] + changed()
    }

    /// `user` is back within the grace period.
    mutating func reconnected(user: UserID) -> [LobbyAction] {
        guard lobby.state != .closed, lobby.player(user)?.connected == false else { return [] }
        lobby.modifyPlayer(user) {
            $0.connected = true
            $0.disconnectedAt = nil
        }
        return changed()
    }

    /// The grace timer of `user` fired: if they are still disconnected and their grace has passed, they leave
    /// (reason `disconnected`); otherwise nothing happens.
    mutating func graceExpired(user: UserID, now: Int64) -> [LobbyAction] {
        guard lobby.state != .closed, let player = lobby.player(user), !player.connected,
            let since = player.disconnectedAt, now >= since + rules.disconnectGraceMs
        else { return [] }
        return leave(user: user, reason: .disconnected, now: now)
    }

    // MARK: - Invitations

    /// Member `from` invites `to` (invitation `id`, made unique by the owner). Not a member, not twice pending,
    /// not when the lobby is full, not past ``LobbyRules/maxPendingInvitations``.
    mutating func invite(from: UserID, to: UserID, id: Lobby.InvitationID, now: Int64) -> [LobbyAction] {
        if let rejection = memberRejection(from, "invite") { return [.rejected(rejection)] }
        if lobby.contains(to) {
            return [.rejected(.conflict(.alreadyMember, "\(to) is already a member of this lobby"))]
        }
        if invitations.hasPending(to: to, at: now) {
            return [.rejected(.conflict(.alreadyInvited, "\(to) already has a pending invitation to this lobby"))]
        }
        if lobby.isFull { return [.rejected(fullRejection)] }
        if invitations.pendingCount(at: now) >= rules.maxPendingInvitations {
            let limit = rules.maxPendingInvitations
            let refusal = LobbyRejection.conflict(
                .tooManyInvitations, "the lobby has \(limit) pending invitations; wait for answers")
            return [.rejected(refusal)]
        }
        precondition(invitations.invitation(id) == nil, "invitation id \(id) reused")
        let invitation = Lobby.Invitation(
            id: id, lobbyId: lobby.id, from: from, to: to, createdAt: now, expiresAt: now + rules.invitationTtlMs,
            status: .pending)
        invitations.add(invitation)
        return [.invitationCreated(invitation)]
    }

    /// `user` accepts invitation `id`: they join as by ``join(user:username:now:)``, even a private lobby.
    mutating func accept(user: UserID, username: String, invitation id: Lobby.InvitationID, now: Int64)
        -> [LobbyAction]
    {
        if let rejection = answerRejection(user: user, invitation: id, now: now) { return [.rejected(rejection)] }
        if let rejection = admissionRejection(user, invited: true) { return [.rejected(rejection)] }
        return admit(user, username: username, now: now)
    }

    /// `user` declines invitation `id`: the inviter is told.
    mutating func decline(user: UserID, invitation id: Lobby.InvitationID, now: Int64) -> [LobbyAction] {
        if let rejection = answerRejection(user: user, invitation: id, now: now) { return [.rejected(rejection)] }
        guard let invitation = invitations.answer(id, .declined) else { return [] }
        return [.invitationDeclined(invitation)]
    }

    /// The sweep: marks pending invitations whose time is up expired and returns them; purges invitations that
    /// expired a time-to-live ago.
    mutating func expireInvitations(now: Int64) -> [Lobby.Invitation] {
        invitations.expire(at: now, retainMs: rules.invitationTtlMs)
    }

    /// Why `user` cannot answer invitation `id` at `now`: `not_found` when it does not exist or is someone
    /// else's, `invitation_answered`, `invitation_expired`; nil when they can.
    func answerRejection(user: UserID, invitation id: Lobby.InvitationID, now: Int64) -> LobbyRejection? {
        guard let invitation = invitations.invitation(id), invitation.to == user else {
            return .notFound(.invitationNotFound, "no invitation \(id) for you")
        }
        switch invitation.status {
        case .accepted, .declined:
            return .conflict(.invitationAnswered, "the invitation was already \(invitation.status.rawValue)")
        case .expired:
            return .conflict(.invitationExpired, "the invitation expired")
        case .pending:
            return now >= invitation.expiresAt ? .conflict(.invitationExpired, "the invitation expired") : nil
        }
    }

    // MARK: - Steps shared by events

    /// Why `user` may not do `request`: the lobby is closed, or they are not a member.
    private func memberRejection(_ user: UserID, _ request: String) -> LobbyRejection? {
        if lobby.state == .closed { return .wrongState(request, in: .closed) }
        guard lobby.contains(user) else {
            return .conflict(.notMember, "cannot \(request): you are not a member of this lobby")
        }
        return nil
    }

    /// Why `user` may not join (the countdown aside): already a member, private without an invitation, a state
    /// that admits nobody, no seat.
    private func admissionRejection(_ user: UserID, invited: Bool) -> LobbyRejection? {
        if lobby.contains(user) { return .conflict(.alreadyMember, "you are already a member of this lobby") }
        if lobby.isPrivate && !invited {
            return .forbidden(.privateLobby, "this lobby is private: it can be joined only with an invitation")
        }
        switch lobby.state {
        case .inGame, .closed: return .wrongState("join", in: lobby.state)
        case .waiting, .countdown, .finished: break
        }
        return lobby.isFull ? fullRejection : nil
    }

    /// `lobby_full`.
    private var fullRejection: LobbyRejection {
        .conflict(.lobbyFull, "the lobby is full (\(lobby.maxPlayers) players)")
    }

    /// Seats an admissible `user`, accepting their pending invitations; during the countdown, cancels it and
    /// refuses instead.
    private mutating func admit(_ user: UserID, username: String, now: Int64) -> [LobbyAction] {
        if lobby.state == .countdown {
            cancelCountdown()
            let refusal = LobbyRejection.conflict(
                .wrongState,
                "cannot join while the lobby is countdown; the countdown was cancelled, try again")
            return [.rejected(refusal), .countdownCancelled] + changed()
        }
        let player = lobby.seat(user, username: username, at: now)
        invitations.acceptAll(to: user, at: now)
        return [.playerJoined(player)] + changed()
    }

    /// In `waiting` with at least the minimum of players all ready: starts the countdown and returns its deadline.
    private mutating func beginCountdownIfEveryoneReady(now: Int64) -> Int64? {
        guard lobby.state == .waiting, lobby.everyoneReady(minimum: rules.minPlayers) else { return nil }
        let deadline = now + rules.countdownMs
        lobby.state = .countdown
        lobby.countdownEndsAt = deadline
        return deadline
    }

    /// Back from `countdown` to `waiting`.
    private mutating func cancelCountdown() {
        lobby.state = .waiting
        lobby.countdownEndsAt = nil
    }

    /// `in_game` now.
    private mutating func beginGame() -> [LobbyAction] {
        lobby.state = .inGame
        lobby.countdownEndsAt = nil
        let update = changed()
        return [.startGame(lobby)] + update
    }

    /// `closed` for `reason`: everyone removed, invitations gone.
    private mutating func closeLobby(_ reason: Lobby.CloseReason) -> LobbyAction {
        let former = lobby.memberIds
        lobby.players.removeAll()
        lobby.state = .closed
        lobby.countdownEndsAt = nil
        invitations.removeAll()
        lobby.version += 1
        return .closed(reason, formerMembers: former)
    }

    /// Bumps the version once for this event's visible change and returns `[.updated]`.
    private mutating func changed() -> [LobbyAction] {
        lobby.version += 1
        return [.updated]
    }
}
