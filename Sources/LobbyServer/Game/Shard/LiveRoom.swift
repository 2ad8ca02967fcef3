import GameEvents

/// A game room as its shard holds it: the pure ``GameRoom`` plus who receives it (each player's and spectator's
/// connections, kept as flat lists for the per-tick broadcast) and the spectator delay line. Shard thread only.
final class LiveRoom {
    var room: GameRoom
    let launch: GameLaunch
    /// Each player's connections and each spectator's.
    private(set) var playerConnections: [UserID: Set<ConnectionRef>]
    private(set) var spectatorConnections: [UserID: Set<ConnectionRef>]
    /// The same, flattened (rebuilt on change, read every tick).
    private(set) var playerRefs: [ConnectionRef] = []
    private(set) var spectatorRefs: [ConnectionRef] = []
    /// Spectators' frames wait here `delayTicks` ticks (nil: no delay).
    var delay: DelayLine<SpectatorTick>?
    let delayTicks: Int
    /// Frames for spectators produced during this tick (flushed through the delay line at the end of it).
    var spectatorPending: [SharedFrame] = []
    /// Set when the game ended and its record is being stored; `game:end` goes out once it is.
    var ended: (result: GameResult, endedAtMs: Int64)?
    /// The connection (and envelope id) whose request ended the game, for `replyTo` on its `game:end`.
    var endRequest: (ref: ConnectionRef, replyTo: String?)?

    init(launch: GameLaunch, delayTicks: Int) {
        room = GameRoom(setup: launch.setup)
        self.launch = launch
        self.delayTicks = delayTicks
        playerConnections = launch.players
        spectatorConnections = launch.spectators
        if delayTicks > 0 { delay = DelayLine(delayTicks: delayTicks) }
        rebuild()
    }

    var gameId: GameID { launch.setup.gameId }
    var spectatorCount: Int { spectatorConnections.count }
    var everyone: [ConnectionRef] { playerRefs + spectatorRefs }

    /// Is `user` a player of this game?
    func isPlayer(_ user: UserID) -> Bool { launch.setup.side(of: user) != nil }

    /// Replaces `user`'s connections; returns the ones that are new (they need the game's context).
    func setConnections(_ refs: Set<ConnectionRef>, of user: UserID) -> Set<ConnectionRef> {
        let previous: Set<ConnectionRef>
        if isPlayer(user) {
            previous = playerConnections[user] ?? []
            playerConnections[user] = refs
        } else {
            previous = spectatorConnections[user] ?? []
            if refs.isEmpty { spectatorConnections[user] = nil } else { spectatorConnections[user] = refs }
        }
        rebuild()
        return refs.subtracting(previous)
    }

    /// Adds a spectator; returns their connections that are new.
    func addSpectator(_ user: UserID, _ refs: Set<ConnectionRef>) -> Set<ConnectionRef> {
        let previous = spectatorConnections[user] ?? []
        spectatorConnections[user] = refs.union(previous)
        rebuild()
        return refs.subtracting(previous)
    }

    /// Removes a spectator.
    func removeSpectator(_ user: UserID) {
        spectatorConnections[user] = nil
        rebuild()
    }

    /// Whether `user` has at least one open connection (players only).
    func isConnected(_ user: UserID) -> Bool { !(playerConnections[user] ?? []).isEmpty }

    private func rebuild() {
        playerRefs = playerConnections.values.flatMap { $0 }
        spectatorRefs = spectatorConnections.values.flatMap { $0 }
    }
}

/// What spectators get for one tick: events (scores) in order, then the state snapshot.
struct SpectatorTick {
    var events: [SharedFrame]
    var state: SharedFrame?

    var isEmpty: Bool { events.isEmpty && state == nil }
}
