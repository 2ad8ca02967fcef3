/// A direct message as stored. Ids grow monotonically across all conversations; times are Unix milliseconds.
public struct StoredDirectMessage: Sendable, Equatable {
    /// The message id (`messageId` on the wire).
    public var id: Int64
    /// The sending user.
    public var sender: String
    /// The receiving user.
    public var recipient: String
    /// The sanitized text.
    public var text: String
    /// When the server accepted the message.
    public var sentAt: Int64
    /// The sender's envelope id, when the client gave one (the idempotency key).
    public var clientId: String?
    /// True when `append` found this message already stored under the same (sender, client id) and stored
    /// nothing new: a retry, to be answered with the original. Always false in history pages.
    public var wasDuplicate: Bool

    /// Creates a message record.
    public init(
        id: Int64, sender: String, recipient: String, text: String, sentAt: Int64, clientId: String?,
        wasDuplicate: Bool = false
    ) {
        self.id = id
        self.sender = sender
        self.recipient = recipient
        self.text = text
        self.sentAt = sentAt
        self.clientId = clientId
        self.wasDuplicate = wasDuplicate
    }
}
