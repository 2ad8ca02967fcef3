import GameEvents

/// Domain lobby -> wire payloads (the only place that maps one to the other).
extension Hub {
    /// The full lobby state as members see it, with each player's unread chat count.
    func wire(_ lobby: Lobby) -> LobbyState {
        let lastMessage = lobbyChat[lobby.id]?.lastMessageId ?? 0
        let reads = lobbyChat[lobby.id]?.lastRead ?? [:]
        let players = lobby.players.map { player in
            LobbyPlayer(userId: player.userId, username: player.username, ready: player.ready, connected: player.connected,
                        customization: PlayerCustomization(paddleColor: PaddleColor(rawValue: player.customization.paddleColor.rawValue)!),
                        joinedAt: player.joinedAt, unread: Int(max(0, lastMessage - (reads[player.userId] ?? 0))))
        }
        return LobbyState(id: lobby.id, name: lobby.name, gameType: .pong, maxPlayers: lobby.maxPlayers,
                          isPrivate: lobby.isPrivate, settings: Self.wire(lobby.settings), hostId: lobby.hostId,
                          state: LobbyPhase(rawValue: lobby.state.rawValue)!, version: lobby.version,
                          createdAt: lobby.createdAt, countdownEndsAt: lobby.countdownEndsAt,
                          result: lobby.result.map(Self.wire), players: players)
    }

    /// A list entry.
    static func summary(_ lobby: Lobby) -> LobbySummary {
        let host = lobby.players.first { $0.userId == lobby.hostId }?.username ?? ""
        return LobbySummary(id: lobby.id, name: lobby.name, gameType: .pong, maxPlayers: lobby.maxPlayers,
                            playerCount: lobby.players.count, state: LobbyPhase(rawValue: lobby.state.rawValue)!,
                            hostUsername: host, createdAt: lobby.createdAt, settings: wire(lobby.settings))
    }

    static func wire(_ settings: Lobby.Settings) -> LobbySettings {
        (try? LobbySettings(pointsToWin: settings.pointsToWin)) ?? LobbySettings.standard
    }

    static func wire(_ result: Lobby.GameResult) -> LobbyResult {
        LobbyResult(winnerId: result.winnerId,
                    scores: result.scores.sorted { $0.key.rawValue < $1.key.rawValue }.map { PlayerScore(userId: $0.key, score: $0.value) },
                    reason: result.reason, endedAt: result.endedAt)
    }

    static func wire(_ player: Lobby.Player) -> LobbyPlayer {
        LobbyPlayer(userId: player.userId, username: player.username, ready: player.ready, connected: player.connected,
                    customization: PlayerCustomization(paddleColor: PaddleColor(rawValue: player.customization.paddleColor.rawValue)!),
                    joinedAt: player.joinedAt, unread: 0)
    }

    static func wire(_ reason: Lobby.LeaveReason) -> LobbyLeaveReason { LobbyLeaveReason(rawValue: reason.rawValue)! }

    /// A domain rejection as `system.error` (code, human message, machine-readable reason, field).
    static func wire(_ rejection: LobbyRejection) -> SystemError {
        let code = WireErrorCode(rawValue: rejection.code.rawValue) ?? .conflict
        let reason: String? = code == .invalidPayload && rejection.field != nil ? nil : rejection.reason.rawValue
        return SystemError(code: code, message: rejection.message, field: rejection.field, reason: reason)
    }
}
