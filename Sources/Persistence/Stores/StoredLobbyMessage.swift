/// A lobby chat message as stored. Ids count 1, 2, 3, ... within each lobby; times are Unix milliseconds.
public struct StoredLobbyMessage: Sendable, Equatable {
    /// The lobby the message was sent in.
    public var lobbyId: String
    /// The message id, the lobby's sequence number (`messageId` on the wire).
    public var id: Int64
    /// The sending user.
    public var userId: String
    /// The sender's username when the message was sent (a snapshot: later renames do not change it).
    public var username: String
    /// The sanitized text.
    public var text: String
    /// When the server accepted the message.
    public var sentAt: Int64
    /// The sender's envelope id, when the client gave one (the idempotency key within the lobby).
    public var clientId: String?
    /// True when `append` found this message already stored under the same (lobby, user, client id) and stored
    /// nothing new: a retry, to be answered with the original. Always false in pages and catch-ups.
    public var wasDuplicate: Bool

    /// Creates a message record.
    public init(
        lobbyId: String, id: Int64, userId: String, username: String, text: String, sentAt: Int64, clientId: String?,
        wasDuplicate: Bool = false
    ) {
        self.lobbyId = lobbyId
        self.id = id
        self.userId = userId
        self.username = username
        self.text = text
        self.sentAt = sentAt
        self.clientId = clientId
        self.wasDuplicate = wasDuplicate
    }
}
