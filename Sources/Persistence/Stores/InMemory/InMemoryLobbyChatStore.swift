/// `LobbyChatStore` in memory: the twin of `SQLiteLobbyChatStore`, on `InMemoryTables`. Each lobby's messages are
/// an array in id order, searched by binary search. Not thread-safe.
public final class InMemoryLobbyChatStore: LobbyChatStore {
    /// The tables, shared with the other in-memory stores of the same `InMemoryStorage`.
    let tables: InMemoryTables

    /// A store on `tables`.
    init(tables: InMemoryTables) {
        self.tables = tables
    }

    /// The lobby's rows, if it has any.
    private func lobby(_ lobbyId: String) -> InMemoryLobbyChatTables.Lobby? {
        tables.lobbyChat.lobbies[lobbyId]
    }

    /// See `LobbyChatStore.append`.
    public func append(
        lobbyId: String, userId: String, username: String, text: String, sentAt: Int64, clientId: String?
    ) throws -> StoredLobbyMessage {
        if let clientId,
            var original = lobby(lobbyId)?.byClientId[.init(userId: userId, clientId: clientId)]
        {
            original.wasDuplicate = true
            return original
        }
        return tables.changeLobbyChat {
            $0.append(
                lobbyId: lobbyId, userId: userId, username: username, text: text, sentAt: sentAt, clientId: clientId)
        }
    }

    /// See `LobbyChatStore.history`.
    public func history(lobbyId: String, cursor: HistoryCursor, limit: Int) throws -> LobbyMessagePage {
        guard let lobby = lobby(lobbyId) else { return LobbyMessagePage(messages: [], hasMore: false) }
        let limit = LobbyMessagePage.clamp(limit)
        let messages = lobby.messages
        switch cursor {
        case .latest, .before:
            let below: Int64 = if case .before(let id) = cursor { id } else { .max }
            // The first id at or above `below` is the first one above `below - 1` (no overflow: below > min).
            let end = below == .min ? 0 : lobby.firstIndex(after: below - 1)
            let start = max(0, end - limit)
            return LobbyMessagePage(messages: Array(messages[start..<end]), hasMore: start > 0)
        case .after(let id):
            let start = lobby.firstIndex(after: id)
            let end = min(messages.count, start + limit)
            return LobbyMessagePage(messages: Array(messages[start..<end]), hasMore: end < messages.count)
        }
    }

    /// See `LobbyChatStore.lastMessageId`.
    public func lastMessageId(lobbyId: String) throws -> Int64 {
        lobby(lobbyId)?.lastId ?? 0
    }

    /// See `LobbyChatStore.markRead`.
    @discardableResult
    public func markRead(lobbyId: String, userId: String, messageId: Int64, at: Int64) throws -> Bool {
        guard let lobby = lobby(lobbyId), messageId >= 1, messageId <= lobby.lastId else {
            throw StoreError.unknownMessage
        }
        if let current = lobby.markers[userId], current.lastReadId >= messageId { return false }
        tables.changeLobbyChat {
            ((), $0.setMarker(lobbyId: lobbyId, userId: userId, ReadMarker(lastReadId: messageId, readAt: at)))
        }
        return true
    }

    /// See `LobbyChatStore.readMarker`.
    public func readMarker(lobbyId: String, userId: String) throws -> ReadMarker? {
        lobby(lobbyId)?.markers[userId]
    }

    /// See `LobbyChatStore.unreadCounts`.
    public func unreadCounts(lobbyId: String, userIds: [String]) throws -> [String: Int] {
        let lobby = lobby(lobbyId) ?? InMemoryLobbyChatTables.Lobby()
        var counts: [String: Int] = [:]
        for userId in userIds {
            let start = lobby.firstIndex(after: lobby.markers[userId]?.lastReadId ?? 0)
            counts[userId] = lobby.messages[start...].count { $0.userId != userId }
        }
        return counts
    }

    /// See `LobbyChatStore.messages(lobbyId:after:limit:)`.
    public func messages(lobbyId: String, after: Int64, limit: Int) throws -> LobbyChatCatchUp {
        let limit = LobbyChatCatchUp.clamp(limit)
        let after = max(after, 0)
        guard let lobby = lobby(lobbyId), after < lobby.lastId else {
            return LobbyChatCatchUp(
                messages: [], missedBeyondLimit: 0, pruned: 0, lastMessageId: lobby(lobbyId)?.lastId ?? 0)
        }
        let start = lobby.firstIndex(after: after)
        let stored = lobby.messages.count - start
        let returned = min(stored, limit)
        return LobbyChatCatchUp(
            messages: Array(lobby.messages.suffix(returned)), missedBeyondLimit: stored - returned,
            pruned: Int(lobby.lastId - after) - stored, lastMessageId: lobby.lastId)
    }

    /// See `LobbyChatStore.prune`.
    @discardableResult
    public func prune(lobbyId: String?, keepLast: Int?, olderThan: Int64?) throws -> Int {
        guard keepLast != nil || olderThan != nil else { return 0 }
        let lobbyIds = lobbyId.map { [$0] } ?? Array(tables.lobbyChat.lobbies.keys)
        var deleted = 0
        for lobbyId in lobbyIds {
            guard let messages = lobby(lobbyId)?.messages, let newest = messages.last?.id else { continue }
            var cut: Int64 = 0
            if let keepLast { cut = max(cut, newest - Int64(max(0, keepLast))) }
            if let olderThan {
                cut = max(cut, messages.first { $0.sentAt >= olderThan }.map { $0.id - 1 } ?? newest)
            }
            guard cut > 0 else { continue }
            deleted += tables.changeLobbyChat { $0.removeMessages(lobbyId: lobbyId, through: cut) }
        }
        return deleted
    }

    /// See `LobbyChatStore.deleteLobby`.
    @discardableResult
    public func deleteLobby(lobbyId: String) throws -> Int {
        tables.changeLobbyChat { $0.removeLobby(lobbyId) }
    }
}
