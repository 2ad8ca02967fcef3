import GameEvents

/// Domain values to `game:*` payloads. Velocities go out in field units per SECOND (the simulation counts per
/// tick), so clients extrapolate the same way at any tick rate.
enum GameWire {
    static func side(_ side: PongSide) -> GameSide { side == .left ? .left : .right }

    static func score(_ score: PongScore) -> GameScoreLine { GameScoreLine(left: score.left, right: score.right) }

    static func playerSummary(_ player: GamePlayer) -> GameSummaryPlayer {
        GameSummaryPlayer(userId: player.userId, username: player.username, side: side(player.side))
    }

    static func playerInfo(_ player: GamePlayer) -> GamePlayerInfo {
        GamePlayerInfo(userId: player.userId, username: player.username, side: side(player.side), paddleColor: player.paddleColor)
    }

    static func field(_ rules: PongRules) -> GameField {
        GameField(width: rules.fieldWidth, height: rules.fieldHeight, paddleHeight: rules.paddleHeight,
                  paddleWidth: rules.paddleWidth, paddleMargin: rules.paddleMargin,
                  paddleSpeed: rules.paddleSpeed * Double(rules.ticksPerSecond), ballRadius: rules.ballRadius)
    }

    /// A `game:state` of `simulation` as seen at `phase`.
    static func state(_ gameId: GameID, _ simulation: PongSimulation, phase: GameRoomPhase, lastSeq: PerSide<Int64>,
                      spectators: Int) -> GameState {
        let perSecond = Double(simulation.rules.ticksPerSecond)
        let ball = simulation.ball
        return GameState(
            gameId: gameId, tick: Int64(simulation.tick), phase: phase,
            ball: GameBall(x: ball.x, y: ball.y, vx: ball.vx * perSecond, vy: ball.vy * perSecond),
            paddles: GamePaddles(left: simulation.paddles.left, right: simulation.paddles.right),
            score: score(simulation.score), lastSeq: GameSeqs(left: lastSeq.left, right: lastSeq.right),
            spectators: spectators)
    }

    /// `game:start` for a live game or a replay.
    static func start(_ setup: GameRoomSetup, role: GameRole, side mySide: PongSide?, stateEveryTicks: Int,
                      startedAt: Int64, tick: UInt64, spectatorDelayMs: Int, replay: Bool) -> GameStart {
        let rules = setup.rules
        return GameStart(
            gameId: setup.gameId, lobbyId: setup.lobbyId, role: role, side: mySide.map(side),
            players: [playerInfo(setup.players.left), playerInfo(setup.players.right)],
            tickRate: rules.ticksPerSecond, stateRate: max(1, rules.ticksPerSecond / max(1, stateEveryTicks)),
            field: field(rules), pointsToWin: rules.pointsToWin,
            serveDelayMs: Int64(rules.serveDelayTicks * 1000 / rules.ticksPerSecond), startedAt: startedAt,
            tick: Int64(tick), spectatorDelayMs: Int64(spectatorDelayMs), replay: replay)
    }
}

extension PaddleInput {
    /// The paddle input a `game:input` asks for.
    init(_ move: GameInputMove) {
        switch move {
        case .direction(.up): self = .up
        case .direction(.down): self = .down
        case .direction(.stop): self = .stop
        case .target(let y): self = .target(y)
        }
    }
}

extension GameShard {
    func state(_ live: LiveRoom) -> GameState {
        GameWire.state(live.gameId, live.room.simulation, phase: live.room.phase, lastSeq: live.room.lastSeq,
                       spectators: live.spectatorCount)
    }

    func start(_ live: LiveRoom, role: GameRole, side: PongSide?) -> GameStart {
        let every = role == .player ? settings.stateEveryTicks : settings.spectatorStateEveryTicks
        return GameWire.start(live.launch.setup, role: role, side: side, stateEveryTicks: every,
                              startedAt: live.launch.startedAtMs, tick: live.room.simulationTicks,
                              spectatorDelayMs: role == .spectator ? settings.ms(ticks: live.delayTicks) : 0, replay: false)
    }

    func score(_ live: LiveRoom, side: PongSide, score: PongScore) -> GameScore {
        GameScore(gameId: live.gameId, tick: Int64(live.room.simulationTicks), side: GameWire.side(side),
                  userId: live.launch.setup.players[side].userId, score: GameWire.score(score))
    }

    func pause(_ live: LiveRoom, user: UserID, forfeitAt: Int64) -> GamePause {
        GamePause(gameId: live.gameId, tick: Int64(live.room.simulationTicks), userId: user, forfeitAt: forfeitAt)
    }

    func resume(_ live: LiveRoom, user: UserID, inMs: Int) -> GameResume {
        GameResume(gameId: live.gameId, tick: Int64(live.room.simulationTicks), userId: user, resumesInMs: Int64(inMs))
    }

    func gameEnd(_ live: LiveRoom, result: GameResult, endedAt: Int64, replay: Bool) -> GameEnd {
        GameEnd(gameId: live.gameId, lobbyId: live.launch.setup.lobbyId,
                winnerId: result.winner.map { live.launch.setup.players[$0].userId }, score: GameWire.score(result.score),
                reason: result.reason, durationMs: max(0, endedAt - live.launch.startedAtMs),
                tick: Int64(result.simulationTicks), endedAt: endedAt, replay: replay)
    }
}
