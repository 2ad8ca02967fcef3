/// `DirectMessageStore` in memory: the twin of `SQLiteDirectMessageStore`, on `InMemoryTables`. Each
/// conversation is an array in id order, searched by binary search. Not thread-safe.
public final class InMemoryDirectMessageStore: DirectMessageStore {
    /// The tables, shared with the other in-memory stores of the same `InMemoryStorage`.
    let tables: InMemoryTables

    /// A store on `tables`.
    init(tables: InMemoryTables) {
        self.tables = tables
    }

    /// See `DirectMessageStore.append`.
    public func append(sender: String, recipient: String, text: String, sentAt: Int64, clientId: String?) throws
        -> StoredDirectMessage
    {
        guard sender != recipient else { throw StoreError.sameUser }
        if let clientId,
            var original = tables.messagesByClientId[InMemoryTables.ClientKey(sender: sender, clientId: clientId)]
        {
            original.wasDuplicate = true
            return original
        }
        guard tables.users[sender] != nil, tables.users[recipient] != nil else { throw StoreError.unknownUser }
        return tables.appendMessage(
            sender: sender, recipient: recipient, text: text, sentAt: sentAt, clientId: clientId)
    }

    /// See `DirectMessageStore.history`.
    public func history(between a: String, and b: String, cursor: HistoryCursor, limit: Int) throws
        -> DirectMessagePage
    {
        guard a != b, let messages = tables.conversations[UserPair(a, b)] else {
            return DirectMessagePage(messages: [], hasMore: false)
        }
        let limit = DirectMessagePage.clamp(limit)
        switch cursor {
        case .latest, .before:
            let below: Int64 = if case .before(let id) = cursor { id } else { .max }
            let end = Self.firstIndex(in: messages) { $0 >= below }
            let start = max(0, end - limit)
            return DirectMessagePage(messages: Array(messages[start..<end]), hasMore: start > 0)
        case .after(let id):
            let start = Self.firstIndex(in: messages) { $0 > id }
            let end = min(messages.count, start + limit)
            return DirectMessagePage(messages: Array(messages[start..<end]), hasMore: end < messages.count)
        }
    }

    /// See `DirectMessageStore.markRead`.
    @discardableResult
    public func markRead(reader: String, other: String, messageId: Int64, at: Int64) throws -> Bool {
        guard reader != other, let messages = tables.conversations[UserPair(reader, other)] else {
            throw StoreError.unknownMessage
        }
        let index = Self.firstIndex(in: messages) { $0 >= messageId }
        guard index < messages.count, messages[index].id == messageId else { throw StoreError.unknownMessage }
        let key = InMemoryTables.DirectedPair(from: reader, to: other)
        if let current = tables.markers[key], current.lastReadId >= messageId { return false }
        tables.setMarker(key, ReadMarker(lastReadId: messageId, readAt: at))
        return true
    }

    /// See `DirectMessageStore.readMarker`.
    public func readMarker(reader: String, other: String) throws -> ReadMarker? {
        tables.markers[InMemoryTables.DirectedPair(from: reader, to: other)]
    }

    /// See `DirectMessageStore.unreadCount`.
    public func unreadCount(reader: String, other: String) throws -> Int {
        guard reader != other, let messages = tables.conversations[UserPair(reader, other)] else { return 0 }
        let lastRead = tables.markers[InMemoryTables.DirectedPair(from: reader, to: other)]?.lastReadId ?? 0
        let start = Self.firstIndex(in: messages) { $0 > lastRead }
        return messages[start...].count { $0.sender == other }
    }

    /// The index of the first message whose id satisfies `isPast` (`messages.count` when none does): binary
    /// search, the array being in id order and `isPast` false up to some id and true from there on.
    private static func firstIndex(in messages: [StoredDirectMessage], where isPast: (Int64) -> Bool) -> Int {
        var low = 0
        var high = messages.count
        while low < high {
            let middle = (low + high) / 2
            if isPast(messages[middle].id) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
