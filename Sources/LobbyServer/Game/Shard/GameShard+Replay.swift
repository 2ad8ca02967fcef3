import GameEvents
import Persistence

/// A stored game streamed to one connection as if live: `game:start` (`replay: true`), states and scores at the
/// schedule's pace times `speed`, then `game:end` with the stored result.
final class ReplayRoom {
    var replay: GameReplay
    let setup: GameRoomSetup
    let record: GameRecord
    let ref: ConnectionRef
    let speed: Int

    init(replay: GameReplay, setup: GameRoomSetup, record: GameRecord, ref: ConnectionRef, speed: Int) {
        self.replay = replay
        self.setup = setup
        self.record = record
        self.ref = ref
        self.speed = speed
    }
}

extension GameShard {
    /// Rebuilds the stored game and starts streaming it to `ref`.
    func startReplay(_ record: GameRecord, speed: Int, ref: ConnectionRef, replyTo: String?) {
        let replayRoom: ReplayRoom
        do {
            let (rules, colors) = try GameRecords.rules(from: record.rules)
            let log = try GameInputLog(decoding: record.inputs)
            guard let gameId = GameID(rawValue: record.id), let left = UserID(rawValue: record.leftUserId),
                  let right = UserID(rawValue: record.rightUserId) else { throw GameRecords.Unreadable(description: "ids") }
            let players = [GamePlayer(userId: left, username: record.leftUsername, side: .left, paddleColor: colors.left),
                           GamePlayer(userId: right, username: record.rightUsername, side: .right, paddleColor: colors.right)]
            let setup = try GameRoomSetup(gameId: gameId, lobbyId: record.lobbyId.flatMap { LobbyID(rawValue: $0) },
                                          tournamentMatchId: record.tournamentMatchId, players: players, rules: rules,
                                          seed: record.seed, reconnectGraceTicks: 0, resumeCountdownTicks: 0)
            let replay = GameReplay(rules: rules, seed: record.seed, log: log, finalTick: UInt64(max(0, record.ticks)))
            replayRoom = ReplayRoom(replay: replay, setup: setup, record: record, ref: ref, speed: speed)
        } catch {
            Log.error("stored game cannot be replayed", ["game": record.id, "error": error])
            let failure = SystemError(code: .internal, message: "game \(record.id) cannot be replayed")
            outbox.send(SessionServices.frame(.systemError(failure), replyTo: replyTo), to: ref)
            replayEnded(ref)
            return
        }
        replays[ref] = replayRoom
        let start = GameWire.start(replayRoom.setup, role: .spectator, side: nil, stateEveryTicks: 1,
                                   startedAt: record.startedAt, tick: 0, spectatorDelayMs: 0, replay: true)
        outbox.send(SessionServices.frame(.gameStart(start), replyTo: replyTo), to: ref)
        outbox.send(SessionServices.frame(.gameState(replayState(replayRoom))), to: ref)
    }

    /// One schedule tick of every replay: `speed` simulation steps, the scores they produced, one state.
    func tickReplays() {
        for (ref, room) in replays {
            for _ in 0..<room.speed where !room.replay.isFinished {
                for event in room.replay.step() {
                    guard case .scored(let side, let score) = event else { continue }
                    let wire = GameScore(gameId: room.setup.gameId, tick: Int64(room.replay.simulation.tick),
                                         side: GameWire.side(side), userId: room.setup.players[side].userId,
                                         score: GameWire.score(score))
                    outbox.send(SessionServices.frame(.gameScore(wire)), to: ref)
                }
            }
            let state = SessionServices.frame(.gameState(replayState(room)))
            if room.replay.isFinished {
                outbox.send(state, to: ref)
                let record = room.record
                let end = GameEnd(gameId: room.setup.gameId, lobbyId: room.setup.lobbyId,
                                  winnerId: record.winnerId.flatMap { UserID(rawValue: $0) },
                                  score: GameScoreLine(left: record.scoreLeft, right: record.scoreRight),
                                  reason: record.reason, durationMs: record.durationMs, tick: record.ticks,
                                  endedAt: record.endedAt, replay: true)
                outbox.send(SessionServices.frame(.gameEnd(end)), to: ref)
                replays[ref] = nil
                replayEnded(ref)
            } else {
                outbox.sendSnapshot(state, to: ref)
            }
        }
    }

    private func replayState(_ room: ReplayRoom) -> GameState {
        let simulation = room.replay.simulation
        let phase: GameRoomPhase
        switch simulation.phase {
        case .serving: phase = .serving
        case .playing: phase = .playing
        case .finished: phase = .finished
        }
        return GameWire.state(room.setup.gameId, simulation, phase: room.replay.isFinished ? .finished : phase,
                              lastSeq: PerSide(both: 0), spectators: 0)
    }

    private func replayEnded(_ ref: ConnectionRef) {
        if let hub { hub.execute { hub.replayFinished(ref) } }
    }
}
