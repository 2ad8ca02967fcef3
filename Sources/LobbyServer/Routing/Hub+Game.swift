import GameEvents
import Persistence

/// A live game as the hub knows it: enough for `game:list`, spectator permissions and presence. The game itself
/// runs on its shard; the hub learns of scores and of the end.
struct LiveGame {
    let id: GameID
    let lobbyId: LobbyID?
    let isPrivate: Bool
    let players: PerSide<GamePlayer>
    let startedAtMs: Int64
    let shard: Int
    var score = PongScore.zero
    var spectators: Set<UserID> = []
}

extension Hub {
    /// Queues `command` for the shard that owns `game`; posted after this batch's frames are flushed.
    func post(_ command: GameCommand, toGame game: GameID) {
        gameCommands.append((GameShardIndex.of(game, count: gameShards.count), command))
    }

    // MARK: Starting and ending

    /// A lobby's game starts: its first two players play (left = first joined), the other members watch.
    func startGame(_ lobby: Lobby) {
        guard lobby.players.count >= 2 else { return }
        let id = Self.gameID()
        let seated = Array(lobby.players.prefix(2))
        let players = zip(seated, [PongSide.left, .right]).map { player, side in
            GamePlayer(userId: player.userId, username: player.username, side: side,
                       paddleColor: PaddleColor(rawValue: player.customization.paddleColor.rawValue) ?? PaddleColor(rawValue: "#FFFFFF")!)
        }
        let rules: PongRules
        let setup: GameRoomSetup
        do {
            rules = try PongRules.forRate(ticksPerSecond: gameSettings.tickRate, pointsToWin: lobby.settings.pointsToWin,
                                          serveDelayMs: gameSettings.serveDelayMs)
            setup = try GameRoomSetup(gameId: id, lobbyId: lobby.id, players: players, rules: rules,
                                      seed: UInt64.random(in: 0...UInt64.max),
                                      reconnectGraceTicks: gameSettings.reconnectGraceTicks,
                                      resumeCountdownTicks: gameSettings.resumeCountdownTicks)
        } catch {
            // Cannot happen with validated settings; if it does, the lobby must not stay in_game forever.
            Log.error("game could not start", ["lobby": lobby.id.rawValue, "error": error])
            // After the start's own lobby:update (this runs inside its perform).
            let lobbyId = lobby.id
            shard.schedule(afterMs: 0) { [self] in
                let result = Lobby.GameResult(winnerId: nil, scores: [:], reason: .abandoned, endedAt: nowMs())
                let outcome = lobbies.gameEnded(lobby: lobbyId, result: result)
                if outcome.actions.rejection == nil { perform(outcome, nil) }
            }
            return
        }
        let watchers = lobby.players.dropFirst(2).map(\.userId)
        var game = LiveGame(id: id, lobbyId: lobby.id, isPrivate: lobby.isPrivate, players: setup.players,
                            startedAtMs: nowMs(), shard: GameShardIndex.of(id, count: gameShards.count))
        game.spectators = Set(watchers)
        liveGames[id] = game
        var playerRefs: [UserID: Set<ConnectionRef>] = [:]
        for player in players {
            stopWatching(player.userId)  // a player watching another game stops: they play now
            gameOfPlayer[player.userId] = id
            playerRefs[player.userId] = presence.connections(of: player.userId.rawValue)
            setLobbyActivity(player.userId, lobby.id)
        }
        var spectatorRefs: [UserID: Set<ConnectionRef>] = [:]
        for user in watchers {
            stopWatching(user)
            watching[user] = id
            spectatorRefs[user] = presence.connections(of: user.rawValue)
            setLobbyActivity(user, lobby.id)
        }
        Log.info("game started", ["game": id.rawValue, "lobby": lobby.id.rawValue, "shard": game.shard])
        post(.create(GameLaunch(setup: setup, startedAtMs: game.startedAtMs, isPrivate: lobby.isPrivate,
                                players: playerRefs, spectators: spectatorRefs)), toGame: id)
    }

    /// The shard stored a game's record and told its players: the lobby moves to `finished`, statuses go back.
    func gameEnded(_ report: GameEndReport, stored: Bool) {
        guard let game = liveGames.removeValue(forKey: report.gameId) else { return }
        for player in [game.players.left, game.players.right] where gameOfPlayer[player.userId] == report.gameId {
            gameOfPlayer[player.userId] = nil
            setLobbyActivity(player.userId, lobbies.lobbyOf(player.userId))
        }
        for user in game.spectators where watching[user] == report.gameId {
            watching[user] = nil
            setLobbyActivity(user, lobbies.lobbyOf(user))
        }
        Log.info("game ended", ["game": report.gameId.rawValue, "reason": report.reason.rawValue,
                                "score": "\(report.score.left)-\(report.score.right)", "stored": stored])
        guard let lobbyId = report.lobbyId else { return }
        var scores: [UserID: Int] = [:]
        scores[game.players.left.userId] = report.score.left
        scores[game.players.right.userId] = report.score.right
        let result = Lobby.GameResult(winnerId: report.winner, scores: scores, reason: report.reason,
                                      endedAt: report.endedAtMs)
        let outcome = lobbies.gameEnded(lobby: lobbyId, result: result)
        if outcome.actions.rejection == nil { perform(outcome, nil) }
    }

    /// A point was scored (for `game:list`).
    func gameScored(_ id: GameID, _ score: PongScore) {
        liveGames[id]?.score = score
    }

    /// The lobby changed under a running game: a player left it (forfeit) or it closed (abandoned).
    func lobbyLeftGame(_ user: UserID) {
        guard let id = gameOfPlayer[user] else { return }
        post(.forfeit(id, user, request: nil, replyTo: nil), toGame: id)
    }

    /// The lobby of a running game closed: the game ends without a winner.
    func lobbyClosedGame(_ lobby: LobbyID) {
        for game in liveGames.values where game.lobbyId == lobby {
            post(.abandon(game.id), toGame: game.id)
        }
    }

    // MARK: Connections

    /// A player's or spectator's connections changed (opened or closed): their game learns the current set.
    func gameConnectionsChanged(_ user: UserID) {
        let refs = presence.connections(of: user.rawValue)
        if let id = gameOfPlayer[user] { post(.connections(id, user, refs), toGame: id) }
        if let id = watching[user] { post(.connections(id, user, refs), toGame: id) }
    }

    /// A connection closed: a replay it was watching stops.
    func gameConnectionClosed(_ ref: ConnectionRef) {
        if let shard = replayShards.removeValue(forKey: ref) { gameCommands.append((shard, .stopReplay(ref))) }
    }

    // MARK: Requests

    /// `game:leave`: the requester forfeits their game.
    func leaveGame(_ request: Request) {
        guard let id = gameOfPlayer[request.user] else {
            fail(request, .conflict, "you are not playing a game", reason: GameErrorReason.notInGame.rawValue)
            return
        }
        post(.forfeit(id, request.user, request: request.ref, replyTo: request.id), toGame: id)
    }

    /// `game:list`: live games the requester may watch, oldest first, paged.
    func listGames(_ query: GameListQuery, _ request: Request) {
        var visible = liveGames.values.filter { canWatch($0, request.user) }
        visible.sort { ($0.startedAtMs, $0.id.rawValue) < ($1.startedAtMs, $1.id.rawValue) }
        if let cursor = query.cursor {
            guard let (startedAt, id) = Self.parseGameCursor(cursor) else {
                fail(request, .invalidPayload, "payload.cursor: not a nextCursor of this server")
                return
            }
            visible.removeAll { ($0.startedAtMs, $0.id.rawValue) <= (startedAt, id) }
        }
        let page = Array(visible.prefix(query.limit))
        let next = visible.count > page.count ? page.last.map { "\($0.startedAtMs).\($0.id.rawValue)" } : nil
        reply(request, .gameList(GameList(games: page.map(summary), nextCursor: next)))
    }

    /// `game:spectate`.
    func spectate(_ id: GameID, _ request: Request) {
        guard let game = liveGames[id] else {
            fail(request, .notFound, "no live game \(id.rawValue)", reason: GameErrorReason.gameNotFound.rawValue)
            return
        }
        if let playing = gameOfPlayer[request.user] {
            let message = playing == id ? "you play in this game" : "you are playing \(playing.rawValue): finish it first"
            fail(request, .conflict, message, reason: GameErrorReason.alreadyPlaying.rawValue)
            return
        }
        guard canWatch(game, request.user) else {
            fail(request, .forbidden, "this game belongs to a private lobby", reason: GameErrorReason.privateGame.rawValue)
            return
        }
        if watching[request.user] != id { stopWatching(request.user) }
        watching[request.user] = id
        liveGames[id]?.spectators.insert(request.user)
        setLobbyActivity(request.user, lobbies.lobbyOf(request.user))
        post(.spectate(id, request.user, presence.connections(of: request.user.rawValue),
                       request: request.ref, replyTo: request.id), toGame: id)
    }

    /// `game:unspectate`.
    func unspectate(_ id: GameID, _ request: Request) {
        guard watching[request.user] == id else {
            fail(request, .conflict, "you are not watching \(id.rawValue)", reason: GameErrorReason.notSpectating.rawValue)
            return
        }
        stopWatching(request.user)
        setLobbyActivity(request.user, lobbies.lobbyOf(request.user))
        sendToAllOfRequester(request, .gameUnspectated(GameUnspectated(gameId: id)))
    }

    /// `game:replay`: loads the finished game and streams it to the requesting connection.
    func replayGame(_ id: GameID, speed: Int, _ request: Request) {
        if liveGames[id] != nil {
            fail(request, .conflict, "game \(id.rawValue) is still being played", reason: GameErrorReason.gameInProgress.rawValue)
            return
        }
        let raw = id.rawValue
        store(request, { stores in try stores.games.game(id: raw) }, then: { [self] record in
            guard let record else {
                fail(request, .notFound, "no finished game \(raw)", reason: GameErrorReason.gameNotFound.rawValue)
                return
            }
            // A private lobby's game replays only for its players and the lobby's current members.
            let user = request.user.rawValue
            if GameRecords.isPrivate(record), user != record.leftUserId, user != record.rightUserId,
               lobbies.lobbyOf(request.user)?.rawValue != record.lobbyId {
                fail(request, .forbidden, "game \(raw) was played in a private lobby", reason: GameErrorReason.privateGame.rawValue)
                return
            }
            if let previous = replayShards[request.ref] { gameCommands.append((previous, .stopReplay(request.ref))) }
            let shard = GameShardIndex.of(id, count: gameShards.count)
            replayShards[request.ref] = shard
            gameCommands.append((shard, .replay(record, speed: speed, ref: request.ref, replyTo: request.id)))
        })
    }

    /// A replay ended by itself (its connection is no longer watching).
    func replayFinished(_ ref: ConnectionRef) {
        replayShards[ref] = nil
    }

    // MARK: Helpers

    /// Whether `user` may see and watch `game`: public games are open to all; a private lobby's game to its
    /// members and to users with a pending invitation to it.
    func canWatch(_ game: LiveGame, _ user: UserID) -> Bool {
        guard game.isPrivate, let lobbyId = game.lobbyId else { return true }
        if lobbies.lobbyOf(user) == lobbyId { return true }
        return lobbies.stateMachine(lobbyId)?.invitations.hasPending(to: user, at: nowMs()) ?? false
    }

    /// `user` stops watching whatever they watch.
    func stopWatching(_ user: UserID) {
        guard let id = watching.removeValue(forKey: user) else { return }
        liveGames[id]?.spectators.remove(user)
        post(.unspectate(id, user), toGame: id)
    }

    private func summary(_ game: LiveGame) -> GameSummary {
        GameSummary(gameId: game.id, lobbyId: game.lobbyId,
                    players: [game.players.left, game.players.right].map(GameWire.playerSummary),
                    score: GameWire.score(game.score), spectators: game.spectators.count, startedAt: game.startedAtMs)
    }

    private static func parseGameCursor(_ cursor: String) -> (Int64, String)? {
        guard let dot = cursor.firstIndex(of: "."), let startedAt = Int64(cursor[..<dot]) else { return nil }
        let id = String(cursor[cursor.index(after: dot)...])
        return id.isEmpty ? nil : (startedAt, id)
    }

    /// A new game id: `g-` and 10 base32 characters.
    static func gameID() -> GameID {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz234567")
        var generator = SystemRandomNumberGenerator()
        let tail = String((0..<10).map { _ in alphabet[Int(generator.next() & 31)] })
        return GameID(rawValue: "g-" + tail)!
    }
}
