/// Direct messages and read markers (`protocol.md`, Direct messages). Ids are monotonic across the whole store;
/// times are Unix milliseconds. Implemented by `SQLiteDirectMessageStore` and its in-memory twin
/// `InMemoryDirectMessageStore`.
public protocol DirectMessageStore {
    /// Stores a message and returns it with its new id. Idempotent per sender: when `clientId` is given and the
    /// sender already stored a message under it, nothing is stored and that message comes back with
    /// `wasDuplicate` set (whatever the recipient and text this time). Throws `.sameUser` or `.unknownUser`.
    func append(sender: String, recipient: String, text: String, sentAt: Int64, clientId: String?) throws
        -> StoredDirectMessage

    /// One page of the conversation between `a` and `b` (either order), oldest first: at most `limit` messages
    /// (clamped into `DirectMessagePage.limits`) at `cursor`. Unknown users or `a == b` give an empty page.
    func history(between a: String, and b: String, cursor: HistoryCursor, limit: Int) throws -> DirectMessagePage

    /// Moves `reader`'s marker in the conversation with `other` forward to `messageId`; false when it already was
    /// there or beyond (markers never move backwards). Throws `.unknownMessage` when `messageId` is not a message
    /// between the two.
    @discardableResult
    func markRead(reader: String, other: String, messageId: Int64, at: Int64) throws -> Bool

    /// `reader`'s marker in the conversation with `other`, or nil when they have marked nothing.
    func readMarker(reader: String, other: String) throws -> ReadMarker?

    /// How many messages from `other` to `reader` lie beyond `reader`'s marker.
    func unreadCount(reader: String, other: String) throws -> Int
}
