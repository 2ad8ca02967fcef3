import GameEvents

/// Who is online, on which connections, with which status: per user, not per connection. A user is online while
/// at least one connection is open; when the last one closes the user enters a grace period, and only if no
/// connection returns before it ends do they go offline (so a page reload shows nothing to friends).
///
/// Pure state machine (STYLE habit 2): methods are named after events, take `now`, and return what changed;
/// the owner (the hub) schedules the grace timer and sends the notifications. `Conn` is the owner's handle for
/// a connection, so this type knows nothing about transport.
struct PresenceTracker<Conn: Hashable> {
    /// One user's presence.
    struct Entry {
        var username: String
        var connections: Set<Conn> = []
        /// The status the user chose (online, away or busy).
        var chosen: PresenceStatus = .online
        /// Server-derived activity (in a lobby, game, spectating) overriding `chosen` while set.
        var activity: Activity?
        /// While all connections are closed: when the user goes offline unless one returns.
        var offlineAt: UInt64?

        /// What friends see.
        var visibleStatus: PresenceStatus { activity?.status ?? chosen }
    }

    /// A server-derived status with the id it refers to.
    struct Activity: Equatable {
        var status: PresenceStatus
        var lobbyId: LobbyID?
        var gameId: GameID?
    }

    /// What a connect produced.
    enum ConnectOutcome: Equatable {
        /// The user was offline: friends must hear `friend:online`.
        case cameOnline
        /// Another connection of an online user (or a reconnect within the grace period): nothing to announce.
        case alreadyOnline
    }

    private(set) var entries: [String: Entry] = [:]
    /// How long a user with no connection stays online, in nanoseconds.
    let graceNs: UInt64

    init(graceNs: UInt64) {
        self.graceNs = graceNs
    }

    /// A connection of `user` opened.
    mutating func connectionOpened(user: String, username: String, conn: Conn) -> ConnectOutcome {
        if var entry = entries[user] {
            entry.connections.insert(conn)
            entry.offlineAt = nil
            entry.username = username
            entries[user] = entry
            return .alreadyOnline
        }
        var entry = Entry(username: username)
        entry.connections.insert(conn)
        entries[user] = entry
        return .cameOnline
    }

    /// A connection closed. Returns the deadline at which `graceElapsed` must be called when it was the user's
    /// last connection, else nil.
    mutating func connectionClosed(user: String, conn: Conn, now: UInt64) -> UInt64? {
        guard var entry = entries[user] else { return nil }
        entry.connections.remove(conn)
        if entry.connections.isEmpty {
            let deadline = now + graceNs
            entry.offlineAt = deadline
            entries[user] = entry
            return deadline
        }
        entries[user] = entry
        return nil
    }

    /// The grace timer fired: true (and the user is forgotten) if they are now offline.
    mutating func graceElapsed(user: String, now: UInt64) -> Bool {
        guard let entry = entries[user], entry.connections.isEmpty, let deadline = entry.offlineAt, now >= deadline
        else { return false }
        entries[user] = nil
        return true
    }

    /// The user chose a status; true if what friends see changed.
    mutating func chose(_ status: PresenceStatus, user: String) -> Bool {
        guard var entry = entries[user] else { return false }
        let before = entry.visibleStatus
        entry.chosen = status
        entries[user] = entry
        return entry.visibleStatus != before
    }

    /// The server set (or cleared, with nil) an activity; true if what friends see changed.
    mutating func setActivity(_ activity: Activity?, user: String) -> Bool {
        guard var entry = entries[user] else { return false }
        let before = (entry.visibleStatus, entry.activity)
        entry.activity = activity
        entries[user] = entry
        return before.0 != entry.visibleStatus || before.1 != activity
    }

    /// The user's open connections (empty when offline or in the grace period).
    func connections(of user: String) -> Set<Conn> { entries[user]?.connections ?? [] }

    /// The user's entry while online (including the grace period).
    func entry(_ user: String) -> Entry? { entries[user] }

    /// Whether the user is online (including the grace period).
    func isOnline(_ user: String) -> Bool { entries[user] != nil }
}
