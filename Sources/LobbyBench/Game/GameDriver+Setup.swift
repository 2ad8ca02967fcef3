import CLinux

/// Setting the rooms up from the server's answers, and rematches: the creator sends `lobby:create` once logged in,
/// the second player `lobby:join` once the lobby's id is known; with both in, both send `lobby:ready`; when the
/// countdown ends each player gets `game:start` and the room's spectators send `game:spectate`. A room runs when
/// every one of its connections has the current game's `game:start`. After `game:end` and the lobby's move to
/// `finished`, both players get ready again: a rematch, a new game id, spectators spectate it.
extension GameDriver {
    /// `connection.ack` on connection `index`.
    func acknowledged(_ index: Int) {
        guard !acked[index] else { return }
        acked[index] = true
        ackCount += 1
        let room = layout.room(of: index)
        guard rooms[room].phase != .failed else { return }
        switch layout.member(of: index) {
        case 0:
            send(index, GameRequests.create(room: room, pointsToWin: pointsToWin))
        case 1:
            if let lobbyId = rooms[room].lobbyId { send(index, GameRequests.join(lobbyId: lobbyId, index: index)) }
        default:
            spectateIfDue(index)
        }
    }

    /// `lobby:created` for the creator on `index`: note the id; the other player joins if logged in.
    func created(_ index: Int, _ message: ParsedServerMessage) {
        let room = layout.room(of: index)
        guard let lobbyId = message.payload["lobby"]?["id"]?.stringValue else {
            failRoom(room, code: "bad_answer", "room \(room): lobby:created without payload.lobby.id")
            return
        }
        rooms[room].lobbyId = lobbyId
        rooms[room].seated = 1
        let other = layout.connection(room: room, member: 1)
        if acked[other] { send(other, GameRequests.join(lobbyId: lobbyId, index: other)) }
    }

    /// `lobby:joined` for the second player: both players get ready.
    func joined(_ index: Int) {
        let room = layout.room(of: index)
        guard rooms[room].phase == .forming else { return }
        rooms[room].seated += 1
        guard rooms[room].seated == GameLayout.players else { return }
        rooms[room].phase = .readying
        for member in 0..<GameLayout.players {
            let player = layout.connection(room: room, member: member)
            send(player, GameRequests.ready(index: player))
        }
    }

    /// `game:start` on connection `index`. A player's start of a game the room does not know yet begins a new
    /// game (the first, or a rematch); a spectator's start counts only for the room's current game.
    func gameStarted(_ index: Int, _ message: ParsedServerMessage) {
        guard let info = GameStartInfo(message), !info.replay else { return }
        let room = layout.room(of: index)
        guard rooms[room].phase != .failed else { return }
        noteRates(info)
        if info.isPlayer && rooms[room].gameId != info.gameId { beginGame(room, info.gameId) }
        guard info.gameId == rooms[room].gameId else { return }
        let peer = peers + index
        let fresh = !peer.pointee.inGame
        peer.pointee.inGame = true
        peer.pointee.hasTick = false
        peer.pointee.side = info.side
        peer.pointee.tickStep = info.tickStep
        if layout.isPlayer(index) {
            giveUpOutstandingInputs(index)
            inputPrefixes[layout.playerSlot(index)] = GameRequests.inputPrefix(gameId: info.gameId)
        }
        guard fresh else { return }  // the same game's start again (a resent context): counted once
        rooms[room].started += 1
        checkRunning(room)
    }

    /// `game:end` on connection `index`: the connection leaves the game; the first one of the room counts the end.
    func gameEnded(_ index: Int, _ message: ParsedServerMessage) {
        let room = layout.room(of: index)
        guard let gameId = message.payload["gameId"]?.stringValue, gameId == rooms[room].gameId,
            message.payload["replay"]?.boolValue != true
        else { return }
        peers[index].inGame = false
        if layout.isPlayer(index) { giveUpOutstandingInputs(index) }
        if !rooms[room].endCounted {
            rooms[room].endCounted = true
            let reason = message.payload["reason"]?.stringValue ?? "?"
            gamesEndedTotal[reason, default: 0] += 1
            if measuring && engine.now <= windowEndNs { counters.gamesEnded[reason, default: 0] += 1 }
            if rooms[room].phase == .running { changeRunning(by: -1) }
            if rooms[room].phase == .running || rooms[room].phase == .starting { rooms[room].phase = .between }
        }
        if layout.isPlayer(index) { readyForRematch(index) }
    }

    /// A `lobby:update` on connection `index`: a player notes when its lobby is `finished` (a rematch may start).
    /// Only the bytes are searched; the update is not parsed.
    func lobbyUpdate(_ index: Int, _ payload: UnsafeRawBufferPointer) {
        guard layout.isPlayer(index), !lobbyFinished[index], rooms[layout.room(of: index)].everRan,
            let base = payload.baseAddress,
            ByteScan.find(#""state":"finished""#, in: base, from: 0, to: payload.count) != nil
        else { return }
        lobbyFinished[index] = true
        readyForRematch(index)
    }

    /// Sends `lobby:ready` for a rematch once the player's game has ended and its lobby is `finished`.
    func readyForRematch(_ index: Int) {
        guard lobbyFinished[index], !peers[index].inGame, !rematchReadySent[index] else { return }
        rematchReadySent[index] = true
        send(index, GameRequests.ready(index: index))
    }

    /// A `system.error` on connection `index`: tallied by what it answered; setup refusals fail the room, a ready
    /// refused while the lobby is still `in_game` is sent again 200 ms later.
    func refused(_ index: Int, _ message: ParsedServerMessage) {
        let purpose = GameRequests.purpose(of: message.replyTo)
        let reason = message.payload["reason"]?.stringValue
        let code = message.errorCode + (reason.map { "/" + $0 } ?? "")
        errors["\(purpose.name):\(code)", default: 0] += 1
        if firstError.isEmpty {
            firstError = "connection \(index): \(purpose.name) \(code): \(message.errorMessage)"
        }
        if measuring { counters.errors += 1 }
        let room = layout.room(of: index)
        let description = "connection \(index) (room \(room)): \(purpose.name) \(code): \(message.errorMessage)"
        switch purpose {
        case .create, .join:
            failRoom(room, code: code, description)
        case .ready:
            if reason == "wrong_state" {
                readyRetried += 1
                readyRetries.append((index, lobby_monotonic_ns() &+ 200_000_000))
            } else if !rooms[room].everRan {
                failRoom(room, code: code, description)
            }
        case .spectate:
            if !rooms[room].everRan {
                failRoom(room, code: code, description)
            } else if rooms[room].phase == .starting {
                rooms[room].declined += 1
                checkRunning(room)
            }
        case .input:
            return
        }
    }

    /// Sends the `lobby:ready` retries that are due.
    func sendDueRetries(now: UInt64) {
        var waiting: [(index: Int, dueNs: UInt64)] = []
        for retry in readyRetries {
            if retry.dueNs <= now {
                send(retry.index, GameRequests.ready(index: retry.index))
            } else {
                waiting.append(retry)
            }
        }
        readyRetries = waiting
    }

    /// Fails the rooms of connections that did not open (counted by the engine as connect failures).
    func failUnopened() {
        for index in 0..<layout.connections where engine.conns[index].state != .open {
            let room = layout.room(of: index)
            if rooms[room].phase != .failed {
                failRoom(room, code: "not_connected", "connection \(index) did not open")
            }
        }
    }

    /// Fails every room that has not run yet (at the end of the setup time), closing its connections.
    func failUnformed() {
        for room in 0..<layout.rooms where !rooms[room].everRan && rooms[room].phase != .failed {
            failRoom(room, code: "not_running", "room \(room) was not running when the setup time ran out")
        }
        engine.flushDirty()
    }

    /// A room's setup failed: counted by `code`, its connections closed so they do not load the server.
    func failRoom(_ room: Int, code: String, _ description: String) {
        setupErrors[code, default: 0] += 1
        if firstSetupError.isEmpty { firstSetupError = description }
        guard rooms[room].phase != .failed, !rooms[room].everRan else { return }
        rooms[room].phase = .failed
        failedRooms += 1
        for member in 0..<layout.perRoom {
            let index = layout.connection(room: room, member: member)
            peers[index].inGame = false
            engine.startClose(index)
        }
    }

    /// A new game in `room`: the room waits for every connection's `game:start`; spectators spectate it.
    private func beginGame(_ room: Int, _ gameId: String) {
        if rooms[room].phase == .running { changeRunning(by: -1) }
        rooms[room].gameId = gameId
        rooms[room].games += 1
        rooms[room].started = 0
        rooms[room].declined = 0
        rooms[room].endCounted = false
        rooms[room].phase = .starting
        gamesStartedTotal += 1
        if measuring && engine.now <= windowEndNs { counters.gamesStarted += 1 }
        for member in 0..<layout.perRoom {
            let index = layout.connection(room: room, member: member)
            peers[index].inGame = false
            if member < GameLayout.players {
                lobbyFinished[index] = false
                rematchReadySent[index] = false
            } else {
                spectateSent[index] = false
                spectateIfDue(index)
            }
        }
    }

    /// A logged-in spectator spectates its room's current game (once per game).
    private func spectateIfDue(_ index: Int) {
        let room = layout.room(of: index)
        guard acked[index], !spectateSent[index], let gameId = rooms[room].gameId,
            rooms[room].phase == .starting || rooms[room].phase == .running
        else { return }
        spectateSent[index] = true
        send(index, GameRequests.spectate(gameId: gameId, index: index))
    }

    /// The room runs once every connection is in its current game (or was refused as a spectator).
    private func checkRunning(_ room: Int) {
        guard rooms[room].phase == .starting, rooms[room].started + rooms[room].declined >= layout.perRoom else {
            return
        }
        rooms[room].phase = .running
        if !rooms[room].everRan {
            rooms[room].everRan = true
            formedRooms += 1
        }
        changeRunning(by: 1)
    }

    /// Inputs of a game that is over (or replaced) will never be acknowledged: counted, not timed.
    private func giveUpOutstandingInputs(_ index: Int) {
        let peer = peers + index
        if peer.pointee.sentSeq > peer.pointee.ackedSeq, measuring || draining {
            counters.inputsUnacked += Int(peer.pointee.sentSeq - peer.pointee.ackedSeq)
        }
        peer.pointee.ackedSeq = peer.pointee.sentSeq
    }

    /// Remembers the rates and the field the server announced (the first of each kind).
    private func noteRates(_ info: GameStartInfo) {
        if tickRate == 0 {
            tickRate = info.tickRate
            field = info.field
        }
        if info.isPlayer && playerStateRate == 0 { playerStateRate = info.stateRate }
        if !info.isPlayer && spectatorStateRate == 0 { spectatorStateRate = info.stateRate }
    }
}
