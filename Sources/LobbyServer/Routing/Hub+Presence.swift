import GameEvents
import Persistence

extension Hub {
    /// An authenticated connection opened. The user's first connection brings them online: their record is
    /// updated, their friends are loaded, and online friends hear `friend:online`.
    func connectionOpened(_ ref: ConnectionRef, user: UserID, username: String, resumeToken: String) {
        let now = SessionServices.nowMs()
        let outcome = presence.connectionOpened(user: user.rawValue, username: username, conn: ref)
        let id = user.rawValue
        registerResumeToken(resumeToken, user: user)
        lobbyMemberConnected(user, ref: ref)
        gameConnectionsChanged(user)
        guard outcome == .cameOnline else {
            store(nil, { stores in try stores.users.upsert(id: id, username: username, seenAt: now) }, then: { _ in })
            return
        }
        store(nil, { stores -> [StoredFriend] in
            try stores.users.upsert(id: id, username: username, seenAt: now)
            return try stores.friends.friends(of: id)
        }, then: { [self] list in
            guard presence.isOnline(id) else { return }
            var known: [UserID: String] = [:]
            for friend in list {
                if let friendId = UserID(validating: friend.userId) { known[friendId] = friend.username }
            }
            friends[user] = known
            guard let entry = presence.entry(id) else { return }
            let summary = FriendSummary(userId: user, username: entry.username, status: entry.visibleStatus,
                                        lobbyId: entry.activity?.lobbyId, gameId: entry.activity?.gameId)
            sendToFriends(of: user, .friendOnline(summary))
        })
    }

    /// A connection closed. The user's last one starts the grace period; if it ends with no connection back,
    /// friends hear `friend:offline`.
    func connectionClosed(_ ref: ConnectionRef, user: UserID, resumeToken: String) {
        resumeTokenClosed(resumeToken)
        gameConnectionClosed(ref)
        defer { gameConnectionsChanged(user) }
        guard presence.connectionClosed(user: user.rawValue, conn: ref, now: MonotonicClock.now()) != nil else { return }
        // The user's last connection: their lobby seat is kept for the reconnect grace period, shown as disconnected.
        perform(lobbies.disconnected(user: user, now: nowMs()), nil)
        shard.schedule(afterMs: Int(presence.graceNs / 1_000_000)) { [self] in graceElapsed(user) }
    }

    /// A connection of a lobby member opened: a returning member is restored (everyone gets a fresh
    /// `lobby:update`); a member's extra tab gets the lobby state.
    private func lobbyMemberConnected(_ user: UserID, ref: ConnectionRef) {
        guard let lobbyId = lobbies.lobbyOf(user), let lobby = lobbies.lobby(lobbyId) else { return }
        if lobby.players.first(where: { $0.userId == user })?.connected == false {
            perform(lobbies.reconnected(user: user), nil)
        } else {
            outbox.send(SessionServices.frame(.lobbyUpdate(LobbySnapshot(lobby: wire(lobby)))), to: ref)
        }
        setLobbyActivity(user, lobbyId)
    }

    private func graceElapsed(_ user: UserID) {
        guard let entry = presence.entry(user.rawValue),
              presence.graceElapsed(user: user.rawValue, now: MonotonicClock.now()) else { return }
        let lastSeen = SessionServices.nowMs()
        sendToFriends(of: user, .friendOffline(FriendOffline(userId: user, username: entry.username, lastSeen: lastSeen)))
        friends[user] = nil
        let id = user.rawValue
        store(nil, { stores in try stores.users.touch(id: id, lastSeen: lastSeen) }, then: { _ in })
    }

    /// `user:status`: the user chose online, away or busy.
    func setStatus(_ status: SelfStatus, _ request: Request) {
        let changed = presence.chose(status.presence, user: request.user.rawValue)
        guard let entry = presence.entry(request.user.rawValue) else { return }
        let event = ServerEvent.userStatus(UserStatusChanged(
            userId: request.user, username: entry.username, status: entry.visibleStatus,
            lobbyId: entry.activity?.lobbyId, gameId: entry.activity?.gameId))
        sendToAllOfRequester(request, event)
        if changed { sendToFriends(of: request.user, event) }
    }

    /// Sends `event` (encoded once) to every connection of every online friend of `user`.
    func sendToFriends(of user: UserID, _ event: ServerEvent) {
        guard let known = friends[user], !known.isEmpty else { return }
        var refs: [ConnectionRef] = []
        for friend in known.keys { refs.append(contentsOf: presence.connections(of: friend.rawValue)) }
        guard !refs.isEmpty else { return }
        outbox.send(SessionServices.frame(event), to: refs)
    }

    /// What a friend looks like right now (offline when not connected).
    func summary(of user: UserID, username: String) -> FriendSummary {
        guard let entry = presence.entry(user.rawValue) else {
            return FriendSummary(userId: user, username: username, status: .offline)
        }
        return FriendSummary(userId: user, username: entry.username, status: entry.visibleStatus,
                             lobbyId: entry.activity?.lobbyId, gameId: entry.activity?.gameId)
    }
}
