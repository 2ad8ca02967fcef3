/// `LobbyChatStore` on `lobby_messages`, `lobby_read_markers` and `lobby_message_sequences`
/// (`Migrations/0004_lobby_chat.sql`). Every query on a lobby's messages is a range of the `(lobby_id, message_id)`
/// primary key. Confined to its connection's thread.
public final class SQLiteLobbyChatStore: LobbyChatStore {
    /// The connection, shared with the other stores of the same database.
    let db: SQLiteConnection

    /// The columns `message(_:lobbyId:)` reads, in order.
    static let columns = "message_id, user_id, username, text, sent_at, client_id"

    /// The lobby's last message id (bound to `?1`): the newest stored one (a backwards seek of the primary key)
    /// or, when the lobby has none stored, the one `lobby_message_sequences` recorded when retention deleted them
    /// all, or 0. (A stored message is always newer than the recorded id: retention records it only when it
    /// empties the lobby.) The common case is one seek.
    static let lastIdExpression = """
        coalesce((SELECT message_id FROM lobby_messages WHERE lobby_id = ?1 ORDER BY message_id DESC LIMIT 1),
            (SELECT last_message_id FROM lobby_message_sequences WHERE lobby_id = ?1), 0)
        """

    /// A store on `connection`, which must be migrated.
    public init(connection: SQLiteConnection) {
        self.db = connection
    }

    /// See `LobbyChatStore.append`. One INSERT computes the next id itself (the writer runs one job at a time,
    /// so nobody else can take it in between). A retry fails it on the client-id index and costs one indexed
    /// SELECT more; a failed statement changes nothing, so ids stay gap-free.
    public func append(
        lobbyId: String, userId: String, username: String, text: String, sentAt: Int64, clientId: String?
    ) throws -> StoredLobbyMessage {
        let insert = try db.prepare(
            """
            INSERT INTO lobby_messages (lobby_id, message_id, user_id, username, text, sent_at, client_id)
            VALUES (?1, 1 + \(Self.lastIdExpression), ?2, ?3, ?4, ?5, ?6) RETURNING message_id
            """)
        try insert.bind(lobbyId, userId, username, text, sentAt, clientId)
        defer { insert.reset() }
        do {
            guard try insert.step() else { preconditionFailure("an INSERT with RETURNING returns its row") }
        } catch let error as SQLiteError where error.extendedCode == SQLiteError.uniqueCode {
            return try original(lobbyId: lobbyId, userId: userId, clientId: clientId)
        }
        return StoredLobbyMessage(
            lobbyId: lobbyId, id: insert.int64(0), userId: userId, username: username, text: text, sentAt: sentAt,
            clientId: clientId)
    }

    /// The message `userId` stored under `clientId` in the lobby, flagged as a duplicate.
    private func original(lobbyId: String, userId: String, clientId: String?) throws -> StoredLobbyMessage {
        // `client_id = ?` implies the partial index's `client_id IS NOT NULL`, so SQLite searches that index.
        let select = try db.prepare(
            "SELECT \(Self.columns) FROM lobby_messages WHERE lobby_id = ? AND user_id = ? AND client_id = ?")
        try select.bind(lobbyId, userId, clientId)
        defer { select.reset() }
        // Only the client-id index can fail the insert (the next id is free by construction), so the row exists.
        guard try select.step() else { preconditionFailure("the conflicting row exists") }
        var original = Self.message(select, lobbyId: lobbyId)
        original.wasDuplicate = true
        return original
    }

    /// See `LobbyChatStore.history`. Reads `limit + 1` rows to learn `hasMore` without a second query.
    public func history(lobbyId: String, cursor: HistoryCursor, limit: Int) throws -> LobbyMessagePage {
        let limit = LobbyMessagePage.clamp(limit)
        let scan = "SELECT \(Self.columns) FROM lobby_messages WHERE lobby_id = ?"
        let statement: SQLiteStatement
        switch cursor {
        case .latest, .before:
            statement = try db.prepare(scan + " AND message_id < ? ORDER BY message_id DESC LIMIT ?")
            let below: Int64 = if case .before(let id) = cursor { id } else { .max }
            try statement.bind(lobbyId, below, limit + 1)
        case .after(let id):
            statement = try db.prepare(scan + " AND message_id > ? ORDER BY message_id ASC LIMIT ?")
            try statement.bind(lobbyId, id, limit + 1)
        }
        defer { statement.reset() }
        var messages = try Self.messages(statement, lobbyId: lobbyId, reserving: limit + 1)
        let hasMore = messages.count > limit
        if hasMore { messages.removeLast() }
        if case .after = cursor {} else { messages.reverse() }
        return LobbyMessagePage(messages: messages, hasMore: hasMore)
    }

    /// See `LobbyChatStore.lastMessageId`: two index seeks.
    public func lastMessageId(lobbyId: String) throws -> Int64 {
        let statement = try db.prepare("SELECT \(Self.lastIdExpression)")
        try statement.bind(lobbyId)
        defer { statement.reset() }
        return try statement.step() ? statement.int64(0) : 0
    }

    /// See `LobbyChatStore.markRead`. The UPSERT's WHERE keeps the marker from moving backwards.
    @discardableResult
    public func markRead(lobbyId: String, userId: String, messageId: Int64, at: Int64) throws -> Bool {
        guard messageId >= 1, messageId <= (try lastMessageId(lobbyId: lobbyId)) else {
            throw StoreError.unknownMessage
        }
        return try db.run(
            """
            INSERT INTO lobby_read_markers (lobby_id, user_id, last_read_id, read_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (lobby_id, user_id) DO UPDATE SET last_read_id = excluded.last_read_id,
                read_at = excluded.read_at
            WHERE excluded.last_read_id > lobby_read_markers.last_read_id
            """, [lobbyId, userId, messageId, at]) == 1
    }

    /// See `LobbyChatStore.readMarker`.
    public func readMarker(lobbyId: String, userId: String) throws -> ReadMarker? {
        let statement = try db.prepare(
            "SELECT last_read_id, read_at FROM lobby_read_markers WHERE lobby_id = ? AND user_id = ?")
        try statement.bind(lobbyId, userId)
        defer { statement.reset() }
        return try statement.step() ? ReadMarker(lastReadId: statement.int64(0), readAt: statement.int64(1)) : nil
    }

    /// The message in the current row (`columns`, never a duplicate).
    static func message(_ row: SQLiteStatement, lobbyId: String) -> StoredLobbyMessage {
        StoredLobbyMessage(
            lobbyId: lobbyId, id: row.int64(0), userId: row.string(1) ?? "", username: row.string(2) ?? "",
            text: row.string(3) ?? "", sentAt: row.int64(4), clientId: row.string(5))
    }

    /// Every row `statement` yields, as messages (`columns`), in its order; the caller resets it.
    static func messages(_ statement: SQLiteStatement, lobbyId: String, reserving: Int) throws
        -> [StoredLobbyMessage]
    {
        var messages: [StoredLobbyMessage] = []
        messages.reserveCapacity(min(reserving, 128))
        while try statement.step() { messages.append(message(statement, lobbyId: lobbyId)) }
        return messages
    }
}
