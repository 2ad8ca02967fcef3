/// `chat:receive_message` payload, and an element of `chat:history`'s `messages`: one stored direct message.
public struct DirectMessage: Equatable, Sendable {
    /// The message's id (increasing in storage order).
    public var messageId: MessageID
    /// The sender.
    public var from: UserID
    /// The sender's display name when it was sent.
    public var fromUsername: String
    /// The recipient.
    public var to: UserID
    /// The sanitized text.
    public var text: String
    /// When the server stored it, in milliseconds since the epoch.
    public var sentAt: Int64

    /// A stored message.
    public init(messageId: MessageID, from: UserID, fromUsername: String, to: UserID, text: String, sentAt: Int64) {
        self.messageId = messageId
        self.from = from
        self.fromUsername = fromUsername
        self.to = to
        self.text = text
        self.sentAt = sentAt
    }
}

extension DirectMessage: WirePayload {
    init(reading payload: PayloadReader) throws(EventDecodingError) {
        messageId = try payload.messageID("messageId")
        from = try payload.userID("from")
        fromUsername = try payload.string("fromUsername")
        to = try payload.userID("to")
        text = try payload.string("text")
        sentAt = try payload.integer("sentAt")
    }

    func write(to writer: inout JSONWriter) {
        writer.member("messageId", messageId.rawValue)
        writer.member("from", from.rawValue)
        writer.member("fromUsername", fromUsername)
        writer.member("to", to.rawValue)
        writer.member("text", text)
        writer.member("sentAt", sentAt)
    }
}
