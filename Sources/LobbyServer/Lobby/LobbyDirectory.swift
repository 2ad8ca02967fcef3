import GameEvents

/// Every lobby, by id, and which lobby each user is in: a user is in at most one lobby.
///
/// The owner (the hub) sends every lobby event through here, never to a ``LobbyStateMachine`` directly, so the
/// user index always matches the rosters: after each event the members before and after are compared and the
/// index follows (a leave, a grace expiry or a close frees the user at once). A lobby that closes is removed at
/// once (its final state is in the outcome). Ids come from the injected `Random` (tests pass a seeded one).
struct LobbyDirectory<Random: RandomNumberGenerator> {
    /// A lobby and its position in creation order.
    struct Entry {
        /// The lobby's rules and state.
        var machine: LobbyStateMachine
        /// Its creation serial (1, 2, 3 ...): the listing order and cursor.
        let serial: UInt64
    }

    /// Where an invitation lives, until its lobby purges it.
    private struct InvitationEntry {
        /// The lobby that holds the invitation.
        let lobby: LobbyID
        /// When the lobby purges it (expiry plus one time-to-live).
        let purgeAt: Int64
    }

    /// The rules every lobby follows.
    let rules: LobbyRules
    /// Where ids come from.
    private var random: Random
    /// Every open lobby.
    private(set) var entries: [LobbyID: Entry] = [:]
    /// Public lobbies in creation order (serials increasing), for listing.
    private(set) var listed: [(serial: UInt64, id: LobbyID)] = []
    /// The next creation serial.
    private var nextSerial: UInt64 = 1
    /// The lobby each user is in.
    private(set) var memberships: [UserID: LobbyID] = [:]
    /// Which lobby holds each invitation (so `accept`/`decline` by id find it).
    private var invitationIndex: [Lobby.InvitationID: InvitationEntry] = [:]

    /// An empty directory.
    init(rules: LobbyRules = LobbyRules(), random: Random) {
        self.rules = rules
        self.random = random
    }

    // MARK: - Queries

    /// The lobby `id`, if it is open.
    func lobby(_ id: LobbyID) -> Lobby? { entries[id]?.machine.lobby }

    /// The state machine of lobby `id` (read-only: events go through the directory).
    func stateMachine(_ id: LobbyID) -> LobbyStateMachine? { entries[id]?.machine }

    /// The lobby `user` is in.
    func lobbyOf(_ user: UserID) -> LobbyID? { memberships[user] }

    /// How many lobbies are open.
    var count: Int { entries.count }

    // MARK: - Creating and joining

    /// Files a restored lobby like a new one (listed last, members indexed). See `restore(_:now:)`.
    mutating func insertRestored(_ machine: LobbyStateMachine) {
        let id = machine.lobby.id
        entries[id] = Entry(machine: machine, serial: nextSerial)
        if !machine.lobby.isPrivate { listed.append((nextSerial, id)) }
        nextSerial += 1
        for player in machine.lobby.players { memberships[player.userId] = id }
    }

    /// `host` creates a lobby with `options` (already validated); they become its only player.
    mutating func create(host: UserID, username: String, options: Lobby.Options, now: Int64) -> LobbyOutcome {
        if memberships[host] != nil { return .rejected(inAnotherLobby) }
        var id = Self.lobbyID(using: &random)
        while entries[id] != nil { id = Self.lobbyID(using: &random) }
        let machine = LobbyStateMachine(
            id: id, host: host, username: username, options: options, rules: rules, now: now)
        entries[id] = Entry(machine: machine, serial: nextSerial)
        if !options.isPrivate { listed.append((nextSerial, id)) }
        nextSerial += 1
        memberships[host] = id
        return LobbyOutcome(lobby: machine.lobby, actions: [.created])
    }

    /// `user` asks to join lobby `id` (see ``LobbyStateMachine/join(user:username:now:)``); `in_another_lobby`
    /// while they are in another one.
    mutating func join(user: UserID, username: String, lobby id: LobbyID, now: Int64) -> LobbyOutcome {
        guard entries[id] != nil else { return .rejected(lobbyNotFound(id)) }
        if let current = memberships[user], current != id { return .rejected(inAnotherLobby) }
        return apply(to: id) { $0.join(user: user, username: username, now: now) }
    }

    /// `user` accepts invitation `invitation`: `not_found` unless it is theirs, then the invitation's own
    /// errors, then `in_another_lobby`, then the lobby's join rules.
    mutating func accept(user: UserID, username: String, invitation: Lobby.InvitationID, now: Int64)
        -> LobbyOutcome
    {
        guard let id = invitationIndex[invitation]?.lobby, entries[id] != nil else {
            return .rejected(.notFound(.invitationNotFound, "no invitation \(invitation) for you"))
        }
        if let rejection = entries[id]?.machine.answerRejection(user: user, invitation: invitation, now: now) {
            return .rejected(rejection)
        }
        if let current = memberships[user], current != id { return .rejected(inAnotherLobby) }
        return apply(to: id) { $0.accept(user: user, username: username, invitation: invitation, now: now) }
    }

    /// `user` declines invitation `invitation` (`not_found` unless it is theirs).
    mutating func decline(user: UserID, invitation: Lobby.InvitationID, now: Int64) -> LobbyOutcome {
        guard let id = invitationIndex[invitation]?.lobby, entries[id] != nil else {
            return .rejected(.notFound(.invitationNotFound, "no invitation \(invitation) for you"))
        }
        if let rejection = entries[id]?.machine.answerRejection(user: user, invitation: invitation, now: now) {
            return .rejected(rejection)
        }
        return apply(to: id) { $0.decline(user: user, invitation: invitation, now: now) }
    }

    // MARK: - Events of a member (routed to the user's lobby)

    /// `user` leaves their lobby for `reason`.
    mutating func leave(user: UserID, reason: Lobby.LeaveReason, now: Int64) -> LobbyOutcome {
        applyToLobby(of: user) { $0.leave(user: user, reason: reason, now: now) }
    }

    /// `user` sets their ready flag.
    mutating func ready(user: UserID, _ ready: Bool, now: Int64) -> LobbyOutcome {
        applyToLobby(of: user) { $0.ready(user: user, ready, now: now) }
    }

    /// `user` (the host) starts the game.
    mutating func start(user: UserID) -> LobbyOutcome {
        applyToLobby(of: user) { $0.start(user: user) }
    }

    /// `user` (the host) closes their lobby.
    mutating func close(user: UserID) -> LobbyOutcome {
        applyToLobby(of: user) { $0.close(user: user) }
    }

    /// `user` changes their options.
    mutating func customize(user: UserID, _ customization: Lobby.Customization) -> LobbyOutcome {
        applyToLobby(of: user) { $0.customize(user: user, customization) }
    }

    /// `user` invites `to` into their lobby.
    mutating func invite(from user: UserID, to: UserID, now: Int64) -> LobbyOutcome {
        var id = Self.invitationID(using: &random)
        while invitationIndex[id] != nil { id = Self.invitationID(using: &random) }
        return applyToLobby(of: user) { $0.invite(from: user, to: to, id: id, now: now) }
    }

    // MARK: - Connections and timers (a user in no lobby, or a lobby that is gone, is a no-op)

    /// `user`'s last connection dropped.
    mutating func disconnected(user: UserID, now: Int64) -> LobbyOutcome {
        applyToLobby(of: user, quietly: true) { $0.disconnected(user: user, now: now) }
    }

    /// `user` is back.
    mutating func reconnected(user: UserID) -> LobbyOutcome {
        applyToLobby(of: user, quietly: true) { $0.reconnected(user: user) }
    }

    /// `user`'s grace timer fired.
    mutating func graceExpired(user: UserID, now: Int64) -> LobbyOutcome {
        applyToLobby(of: user, quietly: true) { $0.graceExpired(user: user, now: now) }
    }

    /// Lobby `id`'s countdown timer fired.
    mutating func countdownElapsed(lobby id: LobbyID, now: Int64) -> LobbyOutcome {
        guard entries[id] != nil else { return LobbyOutcome(lobby: nil, actions: []) }
        return apply(to: id) { $0.countdownElapsed(now: now) }
    }

    /// Lobby `id`'s game ended with `result`.
    mutating func gameEnded(lobby id: LobbyID, result: Lobby.GameResult) -> LobbyOutcome {
        guard entries[id] != nil else { return .rejected(lobbyNotFound(id)) }
        return apply(to: id) { $0.gameEnded(result) }
    }

    /// The invitation sweep: returns the invitations that expired since the last sweep and forgets those
    /// purged. Visits only lobbies that hold invitations.
    mutating func expireInvitations(now: Int64) -> [Lobby.Invitation] {
        var lobbies = Set<LobbyID>()
        for entry in invitationIndex.values { lobbies.insert(entry.lobby) }
        var expired: [Lobby.Invitation] = []
        for id in lobbies where entries[id] != nil {
            expired += entries[id]!.machine.expireInvitations(now: now)
        }
        invitationIndex = invitationIndex.filter { $0.value.purgeAt > now }
        return expired.sorted { ($0.expiresAt, $0.id.rawValue) < ($1.expiresAt, $1.id.rawValue) }
    }

    // MARK: - Applying events

    /// Runs `event` on the lobby of `user`; `not_in_lobby` (or, `quietly`, nothing) when they are in none.
    private mutating func applyToLobby(
        of user: UserID, quietly: Bool = false, _ event: (inout LobbyStateMachine) -> [LobbyAction]
    ) -> LobbyOutcome {
        guard let id = memberships[user] else {
            if quietly { return LobbyOutcome(lobby: nil, actions: []) }
            return .rejected(.conflict(.notInLobby, "you are not in a lobby"))
        }
        return apply(to: id, event)
    }

    /// Runs `event` on lobby `id` (which exists), then brings the user and invitation indexes up to date and
    /// removes the lobby if it closed.
    private mutating func apply(to id: LobbyID, _ event: (inout LobbyStateMachine) -> [LobbyAction])
        -> LobbyOutcome
    {
        let before = entries[id]!.machine.lobby.memberIds
        let actions = event(&entries[id]!.machine)
        let lobby = entries[id]!.machine.lobby
        for user in before where !lobby.contains(user) && memberships[user] == id {
            memberships[user] = nil
        }
        for player in lobby.players where !before.contains(player.userId) {
            precondition(memberships[player.userId] == nil, "\(player.userId) seated in two lobbies")
            memberships[player.userId] = id
        }
        for case .invitationCreated(let invitation) in actions {
            invitationIndex[invitation.id] = InvitationEntry(
                lobby: id, purgeAt: invitation.expiresAt + rules.invitationTtlMs)
        }
        if lobby.state == .closed { remove(id) }
        return LobbyOutcome(lobby: lobby, actions: actions)
    }

    /// Forgets closed lobby `id` (its members were freed by ``apply(to:_:)``).
    private mutating func remove(_ id: LobbyID) {
        guard let entry = entries.removeValue(forKey: id) else { return }
        let index = listedIndex(after: entry.serial - 1)
        if index < listed.count && listed[index].serial == entry.serial { listed.remove(at: index) }
    }

    /// The index in `listed` of the first lobby created after `serial` (binary search).
    func listedIndex(after serial: UInt64) -> Int {
        var low = 0
        var high = listed.count
        while low < high {
            let middle = (low + high) / 2
            if listed[middle].serial <= serial { low = middle + 1 } else { high = middle }
        }
        return low
    }

    // MARK: - Ids and common rejections

    /// A fresh lobby id ("l-" and 10 base32 characters).
    private static func lobbyID(using random: inout Random) -> LobbyID {
        guard let id = LobbyID(validating: LobbyIdentifiers.make(prefix: "l-", using: &random)) else {
            preconditionFailure("generated lobby ids are valid identifiers")
        }
        return id
    }

    /// A fresh invitation id ("i-" and 10 base32 characters).
    private static func invitationID(using random: inout Random) -> Lobby.InvitationID {
        guard let id = Lobby.InvitationID(rawValue: LobbyIdentifiers.make(prefix: "i-", using: &random)) else {
            preconditionFailure("generated invitation ids are valid")
        }
        return id
    }

    /// `conflict`/`in_another_lobby`.
    private var inAnotherLobby: LobbyRejection {
        .conflict(.inAnotherLobby, "you are already in a lobby: leave it first")
    }

    /// `not_found`/`lobby_not_found`.
    private func lobbyNotFound(_ id: LobbyID) -> LobbyRejection {
        .notFound(.lobbyNotFound, "no open lobby \(id)")
    }
}
