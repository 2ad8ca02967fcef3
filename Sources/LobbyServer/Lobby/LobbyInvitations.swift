import GameEvents

/// The invitations of one lobby: pending ones and, until they are purged, answered and expired ones.
///
/// Bookkeeping only: ``LobbyStateMachine`` applies the rules (who may invite whom, what accepting does).
struct LobbyInvitations: Equatable, Sendable {
    /// Every invitation not yet purged, oldest first.
    private(set) var all: [Lobby.Invitation] = []

    /// An empty set.
    init() {}

    /// Whether nothing is stored.
    var isEmpty: Bool { all.isEmpty }

    /// The invitation `id`, whatever its status.
    func invitation(_ id: Lobby.InvitationID) -> Lobby.Invitation? {
        all.first { $0.id == id }
    }

    /// Whether `user` has an invitation that can still be answered at `now`.
    func hasPending(to user: UserID, at now: Int64) -> Bool {
        all.contains { $0.to == user && $0.isPending(at: now) }
    }

    /// How many invitations can still be answered at `now`.
    func pendingCount(at now: Int64) -> Int {
        all.reduce(0) { $0 + ($1.isPending(at: now) ? 1 : 0) }
    }

    /// Stores a new invitation.
    mutating func add(_ invitation: Lobby.Invitation) {
        all.append(invitation)
    }

    /// Sets the status of invitation `id`; returns it as updated.
    mutating func answer(_ id: Lobby.InvitationID, _ status: Lobby.Invitation.Status) -> Lobby.Invitation? {
        guard let index = all.firstIndex(where: { $0.id == id }) else { return nil }
        all[index].status = status
        return all[index]
    }

    /// Marks every invitation of `user` still pending at `now` accepted (they joined).
    mutating func acceptAll(to user: UserID, at now: Int64) {
        for index in all.indices where all[index].to == user && all[index].isPending(at: now) {
            all[index].status = .accepted
        }
    }

    /// Marks pending invitations whose time is up at `now` expired and returns them; purges every invitation
    /// that expired at least `retainMs` ago, whatever its status.
    mutating func expire(at now: Int64, retainMs: Int64) -> [Lobby.Invitation] {
        var expired: [Lobby.Invitation] = []
        for index in all.indices where all[index].status == .pending && now >= all[index].expiresAt {
            all[index].status = .expired
            expired.append(all[index])
        }
        all.removeAll { now >= $0.expiresAt + retainMs }
        return expired
    }

    /// Forgets everything (the lobby closed: invitations die with it).
    mutating func removeAll() {
        all.removeAll()
    }
}
