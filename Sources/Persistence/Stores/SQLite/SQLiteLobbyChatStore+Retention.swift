extension SQLiteLobbyChatStore {
    /// See `LobbyChatStore.prune`. Per lobby: at most three seeks of the primary key to find the cut, then one
    /// range DELETE of the ids up to it; the age rule scans only the rows it deletes plus one (no index on
    /// `sent_at` taxes every append for it). Every lobby is visited with a skip-scan of the primary key
    /// (https://sqlite.org/lang_with.html, "Queries Against A Graph"), one seek per lobby, not a scan per row.
    @discardableResult
    public func prune(lobbyId: String?, keepLast: Int?, olderThan: Int64?) throws -> Int {
        guard keepLast != nil || olderThan != nil else { return 0 }
        let lobbies = try lobbyId.map { [$0] } ?? storedLobbies()
        var deleted = 0
        for lobby in lobbies {
            deleted += try prune(lobby, keepLast: keepLast.map { max(0, $0) }, olderThan: olderThan)
        }
        return deleted
    }

    /// See `LobbyChatStore.deleteLobby`.
    @discardableResult
    public func deleteLobby(lobbyId: String) throws -> Int {
        try db.run("DELETE FROM lobby_read_markers WHERE lobby_id = ?", [lobbyId])
        try db.run("DELETE FROM lobby_message_sequences WHERE lobby_id = ?", [lobbyId])
        return try db.run("DELETE FROM lobby_messages WHERE lobby_id = ?", [lobbyId])
    }

    /// Applies the rules to one lobby: deletes its ids up to the cut, recording the last id first when the cut
    /// takes every message (so the sequence does not start over).
    private func prune(_ lobbyId: String, keepLast: Int?, olderThan: Int64?) throws -> Int {
        guard let newest = try newestStoredId(lobbyId) else { return 0 }
        var cut: Int64 = 0
        if let keepLast { cut = max(cut, newest - Int64(keepLast)) }
        if let olderThan { cut = max(cut, try firstId(lobbyId, sentAtOrAfter: olderThan).map { $0 - 1 } ?? newest) }
        guard cut > 0 else { return 0 }
        if cut >= newest {
            try db.run(
                """
                INSERT INTO lobby_message_sequences (lobby_id, last_message_id) VALUES (?, ?)
                ON CONFLICT (lobby_id) DO UPDATE SET last_message_id = max(last_message_id, excluded.last_message_id)
                """, [lobbyId, newest])
        }
        return try db.run("DELETE FROM lobby_messages WHERE lobby_id = ? AND message_id <= ?", [lobbyId, cut])
    }

    /// The newest stored id of the lobby, or nil when it has no stored message.
    private func newestStoredId(_ lobbyId: String) throws -> Int64? {
        let statement = try db.prepare(
            "SELECT message_id FROM lobby_messages WHERE lobby_id = ? ORDER BY message_id DESC LIMIT 1")
        try statement.bind(lobbyId)
        defer { statement.reset() }
        return try statement.step() ? statement.int64(0) : nil
    }

    /// The lowest id of the lobby sent at or after `time`, or nil when every message is older. Walks the primary
    /// key from the oldest message, so it reads exactly the rows the age rule deletes, and one more.
    private func firstId(_ lobbyId: String, sentAtOrAfter time: Int64) throws -> Int64? {
        let statement = try db.prepare(
            "SELECT message_id FROM lobby_messages WHERE lobby_id = ? AND sent_at >= ? ORDER BY message_id LIMIT 1")
        try statement.bind(lobbyId, time)
        defer { statement.reset() }
        return try statement.step() ? statement.int64(0) : nil
    }

    /// Every lobby with stored messages, in id order: a recursive skip-scan, one primary-key seek per lobby.
    private func storedLobbies() throws -> [String] {
        let statement = try db.prepare(
            """
            WITH RECURSIVE lobbies(id) AS (
                SELECT min(lobby_id) FROM lobby_messages
                UNION ALL
                SELECT (SELECT min(lobby_id) FROM lobby_messages WHERE lobby_id > lobbies.id)
                FROM lobbies WHERE lobbies.id IS NOT NULL
            )
            SELECT id FROM lobbies WHERE id IS NOT NULL
            """)
        defer { statement.reset() }
        var lobbies: [String] = []
        while try statement.step() { lobbies.append(statement.string(0) ?? "") }
        return lobbies
    }
}
