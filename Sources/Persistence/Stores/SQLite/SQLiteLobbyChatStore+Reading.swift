extension SQLiteLobbyChatStore {
    /// The most users one unread-count statement names; longer lists take one statement per chunk. A lobby has
    /// at most 8 players, so in practice one statement, prepared once per list length and cached.
    static let unreadChunk = 64

    /// See `LobbyChatStore.unreadCounts`. One statement: the user ids as a `VALUES` table, each counted by a
    /// range scan of the primary key beyond that user's marker.
    public func unreadCounts(lobbyId: String, userIds: [String]) throws -> [String: Int] {
        var counts: [String: Int] = [:]
        counts.reserveCapacity(userIds.count)
        var start = 0
        while start < userIds.count {
            let chunk = userIds[start..<min(start + Self.unreadChunk, userIds.count)]
            let statement = try db.prepare(Self.unreadCountsSQL(users: chunk.count))
            try statement.bind(lobbyId, at: 1)
            for (offset, userId) in chunk.enumerated() { try statement.bind(userId, at: offset + 2) }
            defer { statement.reset() }
            while try statement.step() { counts[statement.string(0) ?? ""] = statement.int(1) }
            start += chunk.count
        }
        return counts
    }

    /// The unread-count statement for `users` user ids: the lobby id is `?1`, the user ids `?2`, `?3`, ...
    static func unreadCountsSQL(users: Int) -> String {
        let readers = (2..<(2 + users)).map { "(?\($0))" }.joined(separator: ", ")
        return """
            SELECT readers.column1, (
                SELECT count(*) FROM lobby_messages AS m
                WHERE m.lobby_id = ?1 AND m.user_id <> readers.column1 AND m.message_id > coalesce(
                    (SELECT last_read_id FROM lobby_read_markers AS r
                     WHERE r.lobby_id = ?1 AND r.user_id = readers.column1), 0))
            FROM (VALUES \(readers)) AS readers
            """
    }

    /// See `LobbyChatStore.messages(lobbyId:after:limit:)`: the last id, a count of the range after `after`, and
    /// the newest `limit` rows of it, all on the primary key.
    public func messages(lobbyId: String, after: Int64, limit: Int) throws -> LobbyChatCatchUp {
        let limit = LobbyChatCatchUp.clamp(limit)
        let after = max(after, 0)
        let last = try lastMessageId(lobbyId: lobbyId)
        guard after < last else {
            return LobbyChatCatchUp(messages: [], missedBeyondLimit: 0, pruned: 0, lastMessageId: last)
        }
        let count = try db.prepare("SELECT count(*) FROM lobby_messages WHERE lobby_id = ? AND message_id > ?")
        try count.bind(lobbyId, after)
        let stored = try count.step() ? count.int(0) : 0
        count.reset()
        let select = try db.prepare(
            """
            SELECT \(Self.columns) FROM lobby_messages WHERE lobby_id = ? AND message_id > ?
            ORDER BY message_id DESC LIMIT ?
            """)
        try select.bind(lobbyId, after, limit)
        defer { select.reset() }
        let messages = try Self.messages(select, lobbyId: lobbyId, reserving: limit).reversed()
        return LobbyChatCatchUp(
            messages: Array(messages), missedBeyondLimit: stored - messages.count, pruned: Int(last - after) - stored,
            lastMessageId: last)
    }
}
