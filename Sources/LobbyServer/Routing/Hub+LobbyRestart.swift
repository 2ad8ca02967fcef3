import GameEvents
import Persistence

/// Lobbies across a clean restart: saved at shutdown in their wire form, restored at start-up with every player
/// disconnected, so members have the reconnect grace period to come back (and their chat history with them).
extension Hub {
    /// Shutdown: hands every open lobby to the writer (which flushes it before it closes).
    func saveLobbies() {
        let now = nowMs()
        let saved: [SavedLobby] = lobbies.entries.values.map { entry in
            let bytes = EventCodec.encode(.lobbyUpdate(LobbySnapshot(lobby: wire(entry.machine.lobby))), replyTo: nil, timestamp: now)
            return SavedLobby(lobbyId: entry.machine.lobby.id.rawValue, snapshot: String(decoding: bytes, as: UTF8.self),
                              savedAt: now)
        }
        store(nil, { stores in try stores.savedLobbies.replaceAll(saved) }, then: { _ in })
        if !saved.isEmpty { Log.info("lobbies saved for restart", ["lobbies": saved.count]) }
    }

    /// Start-up: restores saved lobbies (before any connection is accepted) and reloads their chat counters.
    func restoreLobbies(_ saved: [SavedLobby]) {
        let now = nowMs()
        var restored: [(LobbyID, [UserID])] = []
        for entry in saved {
            guard case .success(let message) = EventCodec.decodeServer(Array(entry.snapshot.utf8)),
                  case .lobbyUpdate(let snapshot) = message.event, let lobby = Self.domain(snapshot.lobby),
                  let outcome = lobbies.restore(lobby, now: now) else {
                Log.warning("saved lobby not restored", ["lobby": entry.lobbyId])
                continue
            }
            lobbyChat[lobby.id] = LobbyChatState()
            perform(outcome, nil)
            restored.append((lobby.id, lobby.memberIds))
        }
        guard !restored.isEmpty else { return }
        Log.info("lobbies restored", ["lobbies": restored.count])
        let lobbiesToLoad = restored
        store(nil, { stores -> [(LobbyID, Int64, [UserID: Int64])] in
            try lobbiesToLoad.map { lobby, members in
                var reads: [UserID: Int64] = [:]
                for member in members {
                    reads[member] = try stores.lobbyChat.readMarker(lobbyId: lobby.rawValue, userId: member.rawValue)?.lastReadId
                }
                return (lobby, try stores.lobbyChat.lastMessageId(lobbyId: lobby.rawValue), reads)
            }
        }, then: { [self] counters in
            for (lobby, last, reads) in counters where lobbyChat[lobby] != nil {
                lobbyChat[lobby] = LobbyChatState(lastMessageId: last, lastRead: reads)
            }
        })
    }

    /// A saved wire lobby back into the domain (nil if it no longer validates).
    static func domain(_ state: LobbyState) -> Lobby? {
        guard let phase = Lobby.State(rawValue: state.state.rawValue) else { return nil }
        var players: [Lobby.Player] = []
        for saved in state.players {
            guard let color = try? Lobby.Customization(paddleColor: saved.customization.paddleColor.rawValue) else { return nil }
            var player = Lobby.Player(userId: saved.userId, username: saved.username, customization: color, joinedAt: saved.joinedAt)
            player.ready = saved.ready
            players.append(player)
        }
        return Lobby(id: state.id, name: state.name, gameType: .pong, maxPlayers: state.maxPlayers, isPrivate: state.isPrivate,
                     settings: Lobby.Settings(pointsToWin: state.settings.pointsToWin), hostId: state.hostId, players: players,
                     state: phase, version: state.version, createdAt: state.createdAt, countdownEndsAt: nil, result: nil)
    }
}
