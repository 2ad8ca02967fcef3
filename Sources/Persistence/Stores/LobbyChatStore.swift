/// Lobby chat: messages numbered per lobby, read markers and retention (`protocol.md`, Lobby chat). Each lobby
/// numbers its messages 1, 2, 3, ... on its own, and a number is never handed out twice, not even after retention
/// deleted the message that had it. Lobby and user ids are the server's (no foreign keys: see
/// `Migrations/0004_lobby_chat.sql`); times are Unix milliseconds. Implemented by `SQLiteLobbyChatStore` and its
/// in-memory twin `InMemoryLobbyChatStore`.
public protocol LobbyChatStore {
    /// Stores a message under the lobby's next id and returns it. Idempotent per lobby and user: when `clientId`
    /// is given and the user already stored a message under it in this lobby, nothing is stored and that message
    /// comes back with `wasDuplicate` set (whatever the text this time), unless retention has deleted it since.
    func append(lobbyId: String, userId: String, username: String, text: String, sentAt: Int64, clientId: String?)
        throws -> StoredLobbyMessage

    /// One page of the lobby's chat, oldest first: at most `limit` messages (clamped into
    /// `LobbyMessagePage.limits`) at `cursor`. An unknown lobby gives an empty page.
    func history(lobbyId: String, cursor: HistoryCursor, limit: Int) throws -> LobbyMessagePage

    /// The lobby's newest message id, deleted or not; 0 when it has none (an unknown lobby).
    func lastMessageId(lobbyId: String) throws -> Int64

    /// Moves `userId`'s marker in the lobby forward to `messageId`; false when it already was there or beyond
    /// (markers never move backwards). Throws `.unknownMessage` unless `messageId` is in `1...lastMessageId`
    /// (a message retention deleted may still be marked).
    @discardableResult
    func markRead(lobbyId: String, userId: String, messageId: Int64, at: Int64) throws -> Bool

    /// `userId`'s marker in the lobby, or nil when they have marked nothing there.
    func readMarker(lobbyId: String, userId: String) throws -> ReadMarker?

    /// For each of `userIds`, how many stored messages of the lobby beyond that user's marker were sent by
    /// someone else (one's own messages are never unread). One query for the whole list.
    func unreadCounts(lobbyId: String, userIds: [String]) throws -> [String: Int]

    /// What a client that last saw `after` missed: the newest messages after it, at most `limit` (clamped into
    /// `LobbyChatCatchUp.limits`), and how many more there are or were. `after` at or above the last id gives
    /// no messages (above it, the client's id is not from this lobby's sequence: `reset`).
    func messages(lobbyId: String, after: Int64, limit: Int) throws -> LobbyChatCatchUp

    /// Retention, for a background job: deletes the oldest messages of one lobby (or of every lobby when
    /// `lobbyId` is nil) beyond the newest `keepLast` (negative counts as 0), and those sent before
    /// `olderThan` from the oldest on up to the first message sent at or after it (so a message is never deleted
    /// while an older-numbered one is kept, and ids stay contiguous). A nil rule does not apply; returns how many
    /// messages were deleted. Read markers and the id sequence are kept.
    @discardableResult
    func prune(lobbyId: String?, keepLast: Int?, olderThan: Int64?) throws -> Int

    /// Deletes the lobby's messages, read markers and sequence (lobby ids are never reused); returns how many
    /// messages were deleted.
    @discardableResult
    func deleteLobby(lobbyId: String) throws -> Int
}
