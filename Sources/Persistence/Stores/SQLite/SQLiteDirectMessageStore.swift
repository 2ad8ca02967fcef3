/// `DirectMessageStore` on `direct_messages` and `dm_read_markers` (`Migrations/0003_direct_messages.sql`).
/// Every conversation query is a range of the `(low_user, high_user, id)` index. Confined to its connection's
/// thread.
public final class SQLiteDirectMessageStore: DirectMessageStore {
    /// The connection, shared with the other stores of the same database.
    let db: SQLiteConnection

    /// The columns `message(_:)` reads, in order.
    private static let columns = "id, sender, recipient, text, sent_at, client_id"

    /// A store on `connection`, which must be migrated.
    public init(connection: SQLiteConnection) {
        self.db = connection
    }

    /// See `DirectMessageStore.append`. The common case is one INSERT. A retry fails it on `UNIQUE (sender,
    /// client_id)` and costs one indexed SELECT more. (Not `ON CONFLICT DO NOTHING`: SQLite advances the
    /// AUTOINCREMENT sequence even for a row it skips, while a failed statement rolls the sequence back, so ids
    /// stay gap-free like the in-memory twin's.)
    public func append(sender: String, recipient: String, text: String, sentAt: Int64, clientId: String?) throws
        -> StoredDirectMessage
    {
        guard sender != recipient else { throw StoreError.sameUser }
        let insert = try db.prepare(
            "INSERT INTO direct_messages (sender, recipient, text, sent_at, client_id) VALUES (?, ?, ?, ?, ?)")
        try insert.bind(sender, recipient, text, sentAt, clientId)
        do {
            _ = try SQLiteError.mappingUnknownUser { try insert.step() }
        } catch let error as SQLiteError where error.extendedCode == SQLiteError.uniqueCode {
            return try original(sender: sender, clientId: clientId)
        }
        insert.reset()
        return StoredDirectMessage(
            id: db.lastInsertRowID, sender: sender, recipient: recipient, text: text, sentAt: sentAt,
            clientId: clientId)
    }

    /// The message `sender` stored under `clientId`, flagged as a duplicate.
    private func original(sender: String, clientId: String?) throws -> StoredDirectMessage {
        let select = try db.prepare("SELECT \(Self.columns) FROM direct_messages WHERE sender = ? AND client_id = ?")
        try select.bind(sender, clientId)
        defer { select.reset() }
        // Only `UNIQUE (sender, client_id)` can fail the insert, so the row exists.
        guard try select.step() else { preconditionFailure("the conflicting row exists") }
        var original = Self.message(select)
        original.wasDuplicate = true
        return original
    }

    /// See `DirectMessageStore.history`. Reads `limit + 1` rows to learn `hasMore` without a second query.
    public func history(between a: String, and b: String, cursor: HistoryCursor, limit: Int) throws
        -> DirectMessagePage
    {
        guard a != b else { return DirectMessagePage(messages: [], hasMore: false) }
        let pair = UserPair(a, b)
        let limit = DirectMessagePage.clamp(limit)
        let scan = "SELECT \(Self.columns) FROM direct_messages WHERE low_user = ? AND high_user = ?"
        let statement: SQLiteStatement
        switch cursor {
        case .latest, .before:
            statement = try db.prepare(scan + " AND id < ? ORDER BY id DESC LIMIT ?")
            let below: Int64 = if case .before(let id) = cursor { id } else { .max }
            try statement.bind(pair.low, pair.high, below, limit + 1)
        case .after(let id):
            statement = try db.prepare(scan + " AND id > ? ORDER BY id ASC LIMIT ?")
            try statement.bind(pair.low, pair.high, id, limit + 1)
        }
        defer { statement.reset() }
        var messages: [StoredDirectMessage] = []
        messages.reserveCapacity(min(limit + 1, 128))
        while try statement.step() { messages.append(Self.message(statement)) }
        let hasMore = messages.count > limit
        if hasMore { messages.removeLast() }
        if case .after = cursor {} else { messages.reverse() }
        return DirectMessagePage(messages: messages, hasMore: hasMore)
    }

    /// See `DirectMessageStore.markRead`. The UPSERT's WHERE keeps the marker from moving backwards.
    @discardableResult
    public func markRead(reader: String, other: String, messageId: Int64, at: Int64) throws -> Bool {
        guard reader != other else { throw StoreError.unknownMessage }
        let pair = UserPair(reader, other)
        let probe = try db.prepare("SELECT 1 FROM direct_messages WHERE id = ? AND low_user = ? AND high_user = ?")
        try probe.bind(messageId, pair.low, pair.high)
        guard try probe.exists() else { throw StoreError.unknownMessage }
        return try db.run(
            """
            INSERT INTO dm_read_markers (reader, other, last_read_id, read_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (reader, other) DO UPDATE SET last_read_id = excluded.last_read_id, read_at = excluded.read_at
            WHERE excluded.last_read_id > dm_read_markers.last_read_id
            """, [reader, other, messageId, at]) == 1
    }

    /// See `DirectMessageStore.readMarker`.
    public func readMarker(reader: String, other: String) throws -> ReadMarker? {
        let statement = try db.prepare(
            "SELECT last_read_id, read_at FROM dm_read_markers WHERE reader = ? AND other = ?")
        try statement.bind(reader, other)
        defer { statement.reset() }
        return try statement.step() ? ReadMarker(lastReadId: statement.int64(0), readAt: statement.int64(1)) : nil
    }

    /// See `DirectMessageStore.unreadCount`: a range scan of the conversation index past the marker.
    public func unreadCount(reader: String, other: String) throws -> Int {
        guard reader != other else { return 0 }
        let pair = UserPair(reader, other)
        let statement = try db.prepare(
            """
            SELECT count(*) FROM direct_messages
            WHERE low_user = ?1 AND high_user = ?2 AND sender = ?3 AND id > coalesce(
                (SELECT last_read_id FROM dm_read_markers WHERE reader = ?4 AND other = ?3), 0)
            """)
        try statement.bind(pair.low, pair.high, other, reader)
        defer { statement.reset() }
        return try statement.step() ? statement.int(0) : 0
    }

    /// The message in the current row (`columns`, never a duplicate).
    private static func message(_ row: SQLiteStatement) -> StoredDirectMessage {
        StoredDirectMessage(
            id: row.int64(0), sender: row.string(1) ?? "", recipient: row.string(2) ?? "", text: row.string(3) ?? "",
            sentAt: row.int64(4), clientId: row.string(5))
    }
}
