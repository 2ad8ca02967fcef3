import GameEvents

/// A lobby's chat counters kept on the hub for unread counts (ids are a dense per-lobby sequence).
struct LobbyChatState {
    var lastMessageId: Int64 = 0
    var lastRead: [UserID: Int64] = [:]
}

/// The last membership events of a lobby (`lobby:player:join`, `lobby:player:leave`) with the version each
/// produced, for `session.resume`.
struct LobbyEventLog {
    /// How many events are kept per lobby.
    static let capacity = 64
    /// The kept events, oldest first.
    private(set) var entries: [(version: Int64, event: ServerEvent)] = []
    /// The version of the newest event dropped to stay within ``capacity`` (0 while none was): a client whose
    /// version is below it may have missed events nobody remembers.
    private(set) var droppedThrough: Int64 = 0

    /// Records `event`, which produced `version`.
    mutating func append(version: Int64, _ event: ServerEvent) {
        entries.append((version, event))
        let excess = entries.count - Self.capacity
        if excess > 0 {
            droppedThrough = entries[excess - 1].version
            entries.removeFirst(excess)
        }
    }
}

/// A resume token's owner and, once its connection closed, when (monotonic ns) and in which lobby the user was.
struct ResumeEntry {
    /// The user the token was issued to.
    let user: UserID
    /// When the token's connection closed; nil while it is open.
    var closedAt: UInt64?
    /// The user's lobby when the connection closed: the client's chat id and lobby version count there.
    var lobby: LobbyID?
}

extension Hub {
    // MARK: Requests

    func createLobby(_ create: CreateLobby, _ request: Request) {
        let options: Lobby.Options
        do {
            options = try Lobby.Options(name: create.name, gameType: create.gameType.rawValue, maxPlayers: create.maxPlayers,
                                        isPrivate: create.isPrivate, pointsToWin: create.settings.pointsToWin)
        } catch {
            reject(request, error)
            return
        }
        perform(lobbies.create(host: request.user, username: request.username, options: options, now: nowMs()), request)
    }

    func listLobbies(_ query: LobbyListQuery, _ request: Request) {
        do {
            let page = try lobbies.list(gameType: query.gameType.flatMap { Lobby.GameType(rawValue: $0.rawValue) },
                                        hasSpace: query.hasSpace,
                                        state: query.state.flatMap { Lobby.State(rawValue: $0.rawValue) },
                                        cursor: query.cursor, limit: query.limit)
            reply(request, .lobbyList(LobbyList(lobbies: page.lobbies.map(Self.summary), nextCursor: page.nextCursor)))
        } catch {
            reject(request, error)
        }
    }

    func leaveLobby(_ request: Request) {
        perform(lobbies.leave(user: request.user, reason: .left, now: nowMs()), request)
    }

    func customize(_ customization: PlayerCustomization, _ request: Request) {
        do {
            let domain = try Lobby.Customization(paddleColor: customization.paddleColor.rawValue)
            perform(lobbies.customize(user: request.user, domain), request)
        } catch {
            reject(request, error)
        }
    }

    /// `lobby:invite`: the invitee must be a user the server knows (online, or stored since their first
    /// connection), else `not_found`; the lobby's own rules follow.
    func inviteToLobby(_ target: UserID, _ request: Request) {
        guard lobbies.lobbyOf(request.user) != nil else {
            reject(request, .conflict(.notInLobby, "you are not in a lobby"))
            return
        }
        if presence.entry(target.rawValue) != nil {
            perform(lobbies.invite(from: request.user, to: target, now: nowMs()), request)
            return
        }
        let id = target.rawValue
        store(request, { stores in try stores.users.user(id: id) != nil }, then: { [self] known in
            guard known else {
                fail(request, .notFound, "no user \(id)")
                return
            }
            perform(lobbies.invite(from: request.user, to: target, now: nowMs()), request)
        })
    }

    func answerInvitation(_ id: InvitationID, accept: Bool, _ request: Request) {
        guard let invitation = Lobby.InvitationID(rawValue: id.rawValue) else {
            fail(request, .notFound, "no invitation \(id.rawValue) for you", reason: "invitation_not_found")
            return
        }
        let now = nowMs()
        perform(accept ? lobbies.accept(user: request.user, username: request.username, invitation: invitation, now: now)
                       : lobbies.decline(user: request.user, invitation: invitation, now: now), request)
    }

    // MARK: Performing outcomes

    /// Sends a domain rejection as `system.error`.
    func reject(_ request: Request, _ rejection: LobbyRejection) {
        reply(request, .systemError(Self.wire(rejection)))
    }

    /// Carries out what the lobby machine decided: replies, broadcasts (each encoded once), timers, presence.
    /// `request` is nil for timer-driven events. A request is answered once: a valid one that changed nothing
    /// (ready when already ready, the colour one already has) gets the current state.
    func perform(_ outcome: LobbyOutcome, _ request: Request?) {
        var answered = false
        // After `lobby:joined` the requesting connection has the full state: the `lobby:update` would repeat it.
        var requesterHasState = false
        var lobbyId = outcome.lobby?.id
        for action in outcome.actions {
            switch action {
            case .rejected(let rejection):
                if let request { reject(request, rejection) }
                answered = true
            case .created:
                guard let lobby = outcome.lobby, let request else { continue }
                lobbyChat[lobby.id] = LobbyChatState()
                let snapshot = LobbySnapshot(lobby: wire(lobby))
                reply(request, .lobbyCreated(snapshot))
                // The creator's other connections get the state as an update (membership is the user's).
                broadcast(.lobbyUpdate(snapshot), to: [request.user], requester: nil, skipping: request.ref)
                answered = true
                setLobbyActivity(request.user, lobby.id)
            case .updated:
                guard let lobby = outcome.lobby else { continue }
                let event = ServerEvent.lobbyUpdate(LobbySnapshot(lobby: wire(lobby)))
                broadcast(event, to: lobby.memberIds, requester: answered ? nil : request,
                          skipping: requesterHasState ? request?.ref : nil)
                answered = true
            case .playerJoined(let player):
                guard let lobby = outcome.lobby else { continue }
                let event = ServerEvent.playerJoined(LobbyPlayerJoined(lobbyId: lobby.id, player: Self.wire(player)))
                log(lobby.id, version: lobby.version, event)
                broadcast(event, to: lobby.memberIds.filter { $0 != player.userId }, requester: nil)
                if let request, request.user == player.userId {
                    reply(request, .lobbyJoined(LobbySnapshot(lobby: wire(lobby))))
                    answered = true
                    requesterHasState = true
                }
                setLobbyActivity(player.userId, lobby.id)
            case .playerLeft(let user, let reason):
                guard let id = lobbyId else { continue }
                let event = ServerEvent.playerLeft(LobbyPlayerLeft(lobbyId: id, userId: user, reason: Self.wire(reason)))
                if let lobby = outcome.lobby {
                    log(id, version: lobby.version, event)
                    broadcast(event, to: lobby.memberIds.filter { $0 != user }, requester: nil)
                }
                let left = ServerEvent.lobbyLeft(LobbyLeft(lobbyId: id, reason: Self.wire(reason)))
                if let request, request.user == user {
                    sendToAllOfRequester(request, left)
                    answered = true
                } else {
                    send(left, toUser: user)
                }
                lobbyChat[id]?.lastRead[user] = nil
                setLobbyActivity(user, nil)
            case .playerLeftGame(let user):
                lobbyLeftGame(user)
            case .hostChanged, .countdownCancelled, .gameFinished:
                break  // the lobby:update that follows carries the change
            case .countdownStarted(let deadline):
                guard let id = lobbyId else { continue }
                scheduleAt(wallMs: deadline) { [self] in perform(lobbies.countdownElapsed(lobby: id, now: nowMs()), nil) }
            case .startGame(let lobby):
                startGame(lobby)
            case .graceStarted(let user, let deadline):
                scheduleAt(wallMs: deadline) { [self] in perform(lobbies.graceExpired(user: user, now: nowMs()), nil) }
            case .closed(let reason, let formerMembers):
                guard let id = lobbyId else { continue }
                let event = ServerEvent.lobbyClosed(LobbyClosed(lobbyId: id, reason: LobbyCloseReason(rawValue: reason.rawValue) ?? .empty))
                broadcast(event, to: formerMembers, requester: answered ? nil : request)
                answered = true
                lobbyClosedGame(id)
                for member in formerMembers { setLobbyActivity(member, nil) }
                lobbyChat[id] = nil
                lobbyEventLog[id] = nil
                lobbyId = id
            case .invitationCreated(let invitation):
                let expiresAt = invitation.expiresAt
                guard let lobby = outcome.lobby, let to = UserID(rawValue: invitation.to.rawValue),
                      let invitationId = InvitationID(rawValue: invitation.id.rawValue) else { continue }
                let fromName = lobby.players.first { $0.userId == invitation.from }?.username ?? invitation.from.rawValue
                send(.invitation(LobbyInvitation(invitationId: invitationId, lobbyId: lobby.id, lobbyName: lobby.name,
                                                 from: UserSummary(userId: invitation.from, username: fromName),
                                                 expiresAt: expiresAt)), toUser: to)
                if let request {
                    reply(request, .inviteSent(LobbyInviteSent(invitationId: invitationId, to: to, expiresAt: expiresAt)))
                    answered = true
                }
            case .invitationDeclined(let invitation):
                guard let invitationId = InvitationID(rawValue: invitation.id.rawValue) else { continue }
                let event = ServerEvent.invitationDeclined(InvitationDeclined(invitationId: invitationId, by: invitation.to))
                send(event, toUser: invitation.from)
                if let request {
                    reply(request, event)
                    answered = true
                }
            }
        }
        if let request, !answered, let lobby = outcome.lobby, lobby.contains(request.user) {
            reply(request, .lobbyUpdate(LobbySnapshot(lobby: wire(lobby))))
        }
    }

    /// Sends one encoded event to every connection of `users` but `skipped`; the requester's own connection gets
    /// a copy carrying `replyTo` instead.
    func broadcast(_ event: ServerEvent, to users: [UserID], requester: Request?,
                   skipping skipped: ConnectionRef? = nil) {
        var refs: [ConnectionRef] = []
        for user in users { refs.append(contentsOf: presence.connections(of: user.rawValue)) }
        if let skipped, let index = refs.firstIndex(of: skipped) { refs.remove(at: index) }
        if let requester, requester.id != nil, let index = refs.firstIndex(of: requester.ref) {
            refs.remove(at: index)
            reply(requester, event)
        }
        if !refs.isEmpty { outbox.send(SessionServices.frame(event), to: refs) }
    }

    /// Presence follows lobby membership and games: `in_game` while playing, `spectating` while watching (both
    /// with the game and `lobby`), `in_lobby` in a lobby, else back to the chosen status. Friends and the user's
    /// own connections hear a change.
    func setLobbyActivity(_ user: UserID, _ lobby: LobbyID?) {
        typealias Activity = PresenceTracker<ConnectionRef>.Activity
        let activity: Activity?
        if let game = gameOfPlayer[user] {
            activity = Activity(status: .inGame, lobbyId: lobby, gameId: game)
        } else if let game = watching[user] {
            activity = Activity(status: .spectating, lobbyId: lobby, gameId: game)
        } else {
            activity = lobby.map { Activity(status: .inLobby, lobbyId: $0, gameId: nil) }
        }
        guard presence.setActivity(activity, user: user.rawValue), let entry = presence.entry(user.rawValue) else { return }
        let event = ServerEvent.userStatus(UserStatusChanged(userId: user, username: entry.username, status: entry.visibleStatus,
                                                             lobbyId: entry.activity?.lobbyId, gameId: entry.activity?.gameId))
        send(event, toUser: user)
        sendToFriends(of: user, event)
    }

    /// Records a membership event for resume.
    func log(_ lobby: LobbyID, version: Int64, _ event: ServerEvent) {
        lobbyEventLog[lobby, default: LobbyEventLog()].append(version: version, event)
    }

    /// Runs `task` on the hub when the wall clock reaches `wallMs`.
    func scheduleAt(wallMs: Int64, _ task: @escaping () -> Void) {
        shard.schedule(afterMs: Int(max(0, wallMs - nowMs())), task)
    }
}
