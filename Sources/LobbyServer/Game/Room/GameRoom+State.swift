import GameEvents

extension GameRoom {
    /// What the room is doing: finished once there is a result, paused while a player is away, resuming during
    /// the countdown, otherwise what the simulation is doing (serving or playing).
    var phase: GameRoomPhase {
        if result != nil { return .finished }
        if isAnyoneAway { return .paused }
        if resumeTicksLeft > 0 { return .resuming }
        switch simulation.phase {
        case .serving: return .serving
        case .playing: return .playing
        case .finished: return .finished
        }
    }

    /// Whether a player is away (the game is paused).
    var isAnyoneAway: Bool { forfeitDeadlines.left != nil || forfeitDeadlines.right != nil }

    /// Both players, left first.
    var players: PerSide<GamePlayer> { setup.players }

    /// Simulation steps so far (what `game:state`'s `tick` says; frozen while paused or resuming).
    var simulationTicks: UInt64 { simulation.tick }

    /// The winner's user id, once the game is won (nil while it runs and when abandoned).
    var winnerId: UserID? { result?.winner.map { setup.players[$0].userId } }

    /// What a `game:state` frame shows now.
    var snapshot: GameRoomSnapshot {
        GameRoomSnapshot(
            tick: simulation.tick, phase: phase, ball: simulation.ball, paddles: simulation.paddles,
            score: simulation.score, lastSeq: lastSeq)
    }
}
