import GameEvents
import Persistence

extension GameShard {
    // MARK: Commands

    /// Applies one queued command (shard thread, at the start of a tick).
    func apply(_ command: GameCommand) {
        switch command {
        case .create(let launch):
            open(launch)
        case .input(let gameId, let user, let seq, let input, let ref, let id):
            receiveInput(gameId, user, seq: seq, input: input, ref: ref, id: id)
        case .connections(let gameId, let user, let refs):
            guard let live = rooms[gameId] else { return }
            let added = live.setConnections(refs, of: user)
            if live.launch.setup.side(of: user) != nil {
                let events = refs.isEmpty ? live.room.playerDisconnected(user) : live.room.playerReconnected(user)
                handle(events, in: live)
            }
            sendContext(live, to: added, replyTo: nil, request: nil)
        case .spectate(let gameId, let user, let refs, let request, let replyTo):
            guard let live = rooms[gameId] else {
                fail(request, replyTo, .notFound, "no live game \(gameId.rawValue)", reason: GameErrorReason.gameNotFound)
                return
            }
            let added = live.addSpectator(user, refs)
            sendContext(live, to: added.union([request]), replyTo: replyTo, request: request)
        case .unspectate(let gameId, let user):
            rooms[gameId]?.removeSpectator(user)
        case .forfeit(let gameId, let user, let request, let replyTo):
            guard let live = rooms[gameId], live.ended == nil else { return }
            if let request { live.endRequest = (request, replyTo) }
            handle(live.room.forfeit(user), in: live)
        case .abandon(let gameId):
            guard let live = rooms[gameId], live.ended == nil else { return }
            handle(live.room.abandon(), in: live)
        case .replay(let record, let speed, let ref, let replyTo):
            startReplay(record, speed: speed, ref: ref, replyTo: replyTo)
        case .stopReplay(let ref):
            replays[ref] = nil
        case .stored(let gameId, let ok):
            finish(gameId, stored: ok)
        }
    }

    private func open(_ launch: GameLaunch) {
        let delayTicks = launch.setup.tournamentMatchId == nil ? settings.spectatorDelayTicks
            : settings.tournamentSpectatorDelayTicks
        let live = LiveRoom(launch: launch, delayTicks: delayTicks)
        rooms[launch.setup.gameId] = live
        sendContext(live, to: Set(live.everyone), replyTo: nil, request: nil)
        // A player with no connection at the start (they closed during the countdown) pauses the game at once.
        for player in [launch.setup.players.left, launch.setup.players.right] where !live.isConnected(player.userId) {
            handle(live.room.playerDisconnected(player.userId), in: live)
        }
        roomCount.store(rooms.count, ordering: .relaxed)
    }

    private func receiveInput(_ gameId: GameID, _ user: UserID, seq: Int64, input: PaddleInput, ref: ConnectionRef, id: String?) {
        guard let live = rooms[gameId] else {
            fail(ref, id, .notFound, "no live game \(gameId.rawValue)", reason: GameErrorReason.gameNotFound)
            return
        }
        switch live.room.receiveInput(user: user, seq: seq, input: input) {
        case .accepted, .stale:
            break
        case .notAPlayer:
            fail(ref, id, .forbidden, "only the game's players send input", reason: GameErrorReason.notAPlayer)
        case .gameOver:
            fail(ref, id, .conflict, "the game is over", reason: GameErrorReason.gameOver)
        }
    }

    /// Answers `ref` with `system.error`.
    func fail(_ ref: ConnectionRef, _ id: String?, _ code: WireErrorCode, _ message: String, reason: GameErrorReason) {
        let error = SystemError(code: code, message: message, reason: reason.rawValue)
        outbox.send(SessionServices.frame(.systemError(error), replyTo: id), to: ref)
    }

    // MARK: Ticking

    /// One tick of every room and replay.
    func tickRooms() {
        for live in rooms.values where live.ended == nil {
            handle(live.room.tick(), in: live)
            broadcastState(live)
        }
        if !replays.isEmpty { tickReplays() }
        // Published once per tick, not per room.
        stateFrames.add(tickCounts.frames, ordering: .relaxed)
        stateDeliveries.add(tickCounts.deliveries, ordering: .relaxed)
        tickCounts = (0, 0)
    }

    /// Turns a room's events into messages; an ended game is stored before anyone hears `game:end`.
    func handle(_ events: [GameRoomEvent], in live: LiveRoom) {
        for event in events {
            switch event {
            case .served:
                break  // the state shows the ball moving
            case .scored(let side, let points):
                let frame = SessionServices.frame(.gameScore(score(live, side: side, score: points)))
                outbox.send(frame, to: live.playerRefs)
                live.spectatorPending.append(frame)
                let gameId = live.gameId
                if let hub { hub.execute { hub.gameScored(gameId, points) } }
            case .paused(let user, let forfeitAtRoomTick):
                let ticksLeft = Int(forfeitAtRoomTick &- live.room.roomTick)
                let forfeitAt = SessionServices.nowMs() + Int64(settings.ms(ticks: ticksLeft))
                let frame = SessionServices.frame(.gamePause(pause(live, user: user, forfeitAt: forfeitAt)))
                outbox.send(frame, to: live.everyone)
            case .resumed(let user, let countdownTicks):
                let frame = SessionServices.frame(.gameResume(resume(live, user: user, inMs: settings.ms(ticks: countdownTicks))))
                outbox.send(frame, to: live.everyone)
            case .ended(let result):
                end(live, result)
            }
        }
    }

    /// Encodes the room's state once and queues it as a snapshot to the players (and, through the delay line,
    /// the spectators) whose broadcast is due this tick.
    private func broadcastState(_ live: LiveRoom) {
        let tick = live.room.roomTick
        let toPlayers = tick % UInt64(settings.stateEveryTicks) == 0
        let toSpectators = tick % UInt64(settings.spectatorStateEveryTicks) == 0 && !live.spectatorRefs.isEmpty
        var frame: SharedFrame?
        if toPlayers || toSpectators {
            frame = SessionServices.frame(.gameState(state(live)))
            tickCounts.frames += 1
        }
        if toPlayers, let frame {
            outbox.sendSnapshot(frame, to: live.playerRefs)
            tickCounts.deliveries += live.playerRefs.count
        }
        flushSpectators(live, state: toSpectators ? frame : nil)
    }

    /// Hands this tick's spectator frames (events, then the state) to the spectators, now or after the delay.
    func flushSpectators(_ live: LiveRoom, state: SharedFrame?) {
        let now = SpectatorTick(events: live.spectatorPending, state: state)
        live.spectatorPending.removeAll(keepingCapacity: true)
        let due: SpectatorTick?
        if live.delay != nil {
            due = live.delay!.push(now.isEmpty ? nil : now)
        } else {
            due = now
        }
        if let due { deliver(due, to: live) }
    }

    /// Sends one tick's spectator frames: events in order, the state as a replaceable snapshot.
    func deliver(_ tick: SpectatorTick, to live: LiveRoom) {
        guard !live.spectatorRefs.isEmpty else { return }
        for frame in tick.events { outbox.send(frame, to: live.spectatorRefs) }
        if let state = tick.state {
            outbox.sendSnapshot(state, to: live.spectatorRefs)
            tickCounts.deliveries += live.spectatorRefs.count
        }
    }

    /// `game:start` then a full state to `refs`; `request` gets its copy with `replyTo`.
    func sendContext(_ live: LiveRoom, to refs: Set<ConnectionRef>, replyTo: String?, request: ConnectionRef?) {
        guard !refs.isEmpty else { return }
        let stateFrame = SessionServices.frame(.gameState(state(live)))
        for (user, connections) in live.playerConnections {
            let mine = connections.intersection(refs)
            guard !mine.isEmpty else { continue }
            let side = live.launch.setup.side(of: user)
            let frame = SessionServices.frame(.gameStart(start(live, role: .player, side: side)))
            outbox.send(frame, to: mine)
            outbox.send(stateFrame, to: mine)
        }
        let watchers = refs.subtracting(live.playerRefs)
        guard !watchers.isEmpty else { return }
        let event = ServerEvent.gameStart(start(live, role: .spectator, side: nil))
        // With a spectator delay the live state is not theirs to see: their first state comes out of the delay line.
        let spectatorState = live.delay == nil ? stateFrame : nil
        var others = watchers
        if let request, watchers.contains(request), replyTo != nil {
            others.remove(request)
            outbox.send(SessionServices.frame(event, replyTo: replyTo), to: request)
            if let spectatorState { outbox.send(spectatorState, to: request) }
        }
        if !others.isEmpty {
            outbox.send(SessionServices.frame(event), to: others)
            if let spectatorState { outbox.send(spectatorState, to: others) }
        }
    }

    // MARK: Ending

    /// The game is over: store its record, then (in `finish`) tell everyone and the hub.
    private func end(_ live: LiveRoom, _ result: GameResult) {
        guard live.ended == nil else { return }
        let endedAt = SessionServices.nowMs()
        live.ended = (result, endedAt)
        let record = GameRecords.record(of: live, result: result, endedAtMs: endedAt)
        let gameId = live.gameId
        do {
            try writer.submit({ stores in try stores.games.record(record) }) { [self] outcome in
                if case .failure(let error) = outcome { Log.error("game record not stored", ["game": gameId.rawValue, "error": error]) }
                post(.stored(gameId, ok: (try? outcome.get()) != nil))
            }
        } catch {
            Log.error("game record not queued", ["game": gameId.rawValue, "error": error])
            post(.stored(gameId, ok: false))
        }
        // Nothing more happens in the room; its last state shows the final score.
        broadcastFinal(live)
    }

    private func broadcastFinal(_ live: LiveRoom) {
        let frame = SessionServices.frame(.gameState(state(live)))
        outbox.sendSnapshot(frame, to: live.playerRefs)
        live.spectatorPending.append(frame)
    }

    /// The record is stored (or could not be): `game:end` to everyone, the hub moves the lobby on.
    private func finish(_ gameId: GameID, stored: Bool) {
        guard let live = rooms.removeValue(forKey: gameId), let (result, endedAt) = live.ended else { return }
        roomCount.store(rooms.count, ordering: .relaxed)
        // Spectators still waiting on delayed frames get them now, so nothing is cut off before the end.
        if live.delay != nil {
            for tick in live.delay!.drain() { deliver(tick, to: live) }
        }
        deliver(SpectatorTick(events: live.spectatorPending, state: nil), to: live)
        let event = ServerEvent.gameEnd(gameEnd(live, result: result, endedAt: endedAt, replay: false))
        var refs = live.everyone
        if let (request, replyTo) = live.endRequest, replyTo != nil, let index = refs.firstIndex(of: request) {
            refs.remove(at: index)
            outbox.send(SessionServices.frame(event, replyTo: replyTo), to: request)
        }
        outbox.send(SessionServices.frame(event), to: refs)
        let players = live.launch.setup.players
        let report = GameEndReport(
            gameId: gameId, lobbyId: live.launch.setup.lobbyId, players: [players.left, players.right],
            winner: result.winner.map { players[$0].userId },
            score: result.score, reason: result.reason, endedAtMs: endedAt,
            spectators: Array(live.spectatorConnections.keys))
        // game:end must reach the loops before the hub's `lobby:update` (finished) does: flush now, then tell it.
        outbox.flush()
        if let hub { hub.execute { hub.gameEnded(report, stored: stored) } }
    }
}

extension GameShard {
    /// At shutdown: every game still running ends without a winner and its record is stored before the
    /// writer closes, so no played match is lost.
    func abandonAllForShutdown() {
        for live in rooms.values where live.ended == nil {
            for event in live.room.abandon() {
                guard case .ended(let result) = event else { continue }
                let record = GameRecords.record(of: live, result: result, endedAtMs: SessionServices.nowMs())
                do {
                    _ = try writer.submitAndWait { stores in try stores.games.record(record) }
                } catch {
                    Log.error("game record not stored at shutdown", ["game": live.gameId.rawValue, "error": error])
                }
            }
        }
        rooms.removeAll()
        replays.removeAll()
    }
}
