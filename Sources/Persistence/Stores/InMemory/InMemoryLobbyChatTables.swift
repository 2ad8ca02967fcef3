/// The lobby chat part of `InMemoryTables`: per lobby, its messages in id order, its last id, its client-id index
/// and its read markers. Each mutating method returns the `Undo` that reverts it, which `InMemoryTables` journals
/// (see `InMemoryTables.changeLobbyChat`), so savepoints and batches roll lobby chat back like SQLite does.
struct InMemoryLobbyChatTables {
    /// One lobby's rows.
    struct Lobby {
        /// `lobby_messages` of this lobby, in id order (ids only grow and retention removes a prefix).
        var messages: [StoredLobbyMessage] = []
        /// The newest id handed out (the sequence, kept when retention empties `messages`).
        var lastId: Int64 = 0
        /// The partial `UNIQUE (lobby_id, user_id, client_id)` index.
        var byClientId: [ClientKey: StoredLobbyMessage] = [:]
        /// `lobby_read_markers` of this lobby, by user.
        var markers: [String: ReadMarker] = [:]

        /// The index of the first message with an id above `id` (`messages.count` when none): binary search.
        func firstIndex(after id: Int64) -> Int {
            var low = 0
            var high = messages.count
            while low < high {
                let middle = (low + high) / 2
                if messages[middle].id > id { high = middle } else { low = middle + 1 }
            }
            return low
        }
    }

    /// The idempotency key of a message within its lobby.
    struct ClientKey: Hashable {
        /// The sending user.
        var userId: String
        /// The sender's envelope id.
        var clientId: String
    }

    /// How to revert one change.
    enum Undo {
        /// Remove the newest message of the lobby, restore its last id, and drop the lobby if it was created.
        case appended(lobbyId: String, previousLastId: Int64, created: Bool)
        /// Restore a user's previous marker.
        case marker(lobbyId: String, userId: String, previous: ReadMarker?)
        /// Put back the messages retention removed from the front.
        case pruned(lobbyId: String, removed: [StoredLobbyMessage])
        /// Put back a deleted lobby.
        case deleted(lobbyId: String, lobby: Lobby)
    }

    /// Every lobby with rows, by id.
    private(set) var lobbies: [String: Lobby] = [:]

    /// Stores a new message under the lobby's next id.
    mutating func append(
        lobbyId: String, userId: String, username: String, text: String, sentAt: Int64, clientId: String?
    ) -> (StoredLobbyMessage, Undo) {
        let previousLastId = lobbies[lobbyId]?.lastId
        let undo = Undo.appended(lobbyId: lobbyId, previousLastId: previousLastId ?? 0, created: previousLastId == nil)
        let message = StoredLobbyMessage(
            lobbyId: lobbyId, id: (previousLastId ?? 0) + 1, userId: userId, username: username, text: text,
            sentAt: sentAt, clientId: clientId)
        Self.add(message, to: &lobbies[lobbyId, default: Lobby()])
        return (message, undo)
    }

    /// Appends `message` (whose id is the next one) to `lobby`, in place.
    private static func add(_ message: StoredLobbyMessage, to lobby: inout Lobby) {
        lobby.lastId = message.id
        lobby.messages.append(message)
        if let key = key(message) { lobby.byClientId[key] = message }
    }

    /// Sets a user's marker in an existing lobby.
    mutating func setMarker(lobbyId: String, userId: String, _ marker: ReadMarker) -> Undo {
        let previous = lobbies[lobbyId]?.markers.updateValue(marker, forKey: userId)
        return .marker(lobbyId: lobbyId, userId: userId, previous: previous)
    }

    /// Removes the lobby's messages with ids up to `cut`; returns how many.
    mutating func removeMessages(lobbyId: String, through cut: Int64) -> (Int, Undo?) {
        guard let end = lobbies[lobbyId]?.firstIndex(after: cut), end > 0 else { return (0, nil) }
        let removed = Self.removePrefix(end, from: &lobbies[lobbyId, default: Lobby()])
        return (removed.count, .pruned(lobbyId: lobbyId, removed: removed))
    }

    /// Removes the first `count` messages of `lobby`, in place, and returns them.
    private static func removePrefix(_ count: Int, from lobby: inout Lobby) -> [StoredLobbyMessage] {
        let removed = Array(lobby.messages[..<count])
        lobby.messages.removeFirst(count)
        for key in removed.compactMap(key) { lobby.byClientId[key] = nil }
        return removed
    }

    /// Removes the lobby with all its rows; returns how many messages it had.
    mutating func removeLobby(_ lobbyId: String) -> (Int, Undo?) {
        guard let lobby = lobbies.removeValue(forKey: lobbyId) else { return (0, nil) }
        return (lobby.messages.count, .deleted(lobbyId: lobbyId, lobby: lobby))
    }

    /// Reverts one change (the newest not yet reverted: the journal replays them backwards).
    mutating func revert(_ undo: Undo) {
        switch undo {
        case .appended(let lobbyId, let previousLastId, let created):
            guard !created else {
                lobbies[lobbyId] = nil
                return
            }
            if let message = lobbies[lobbyId]?.messages.removeLast(), let key = Self.key(message) {
                lobbies[lobbyId]?.byClientId[key] = nil
            }
            lobbies[lobbyId]?.lastId = previousLastId
        case .marker(let lobbyId, let userId, let previous):
            lobbies[lobbyId]?.markers[userId] = previous
        case .pruned(let lobbyId, let removed):
            lobbies[lobbyId]?.messages.insert(contentsOf: removed, at: 0)
            for message in removed {
                if let key = Self.key(message) { lobbies[lobbyId]?.byClientId[key] = message }
            }
        case .deleted(let lobbyId, let lobby):
            lobbies[lobbyId] = lobby
        }
    }

    /// The client-id key of `message`, nil when it has no client id (such messages are not indexed).
    private static func key(_ message: StoredLobbyMessage) -> ClientKey? {
        message.clientId.map { ClientKey(userId: message.userId, clientId: $0) }
    }
}
