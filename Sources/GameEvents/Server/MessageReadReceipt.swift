/// `chat:message_read` payload from the server: `by` has read the conversation up to and including `messageId`.
public struct MessageReadReceipt: Equatable, Sendable {
    /// The reader.
    public var by: UserID
    /// The newest message read.
    public var messageId: MessageID
    /// When, in milliseconds since the epoch.
    public var readAt: Int64

    /// A read receipt.
    public init(by: UserID, messageId: MessageID, readAt: Int64) {
        self.by = by
        self.messageId = messageId
        self.readAt = readAt
    }
}

extension MessageReadReceipt: WirePayload {
    init(reading payload: PayloadReader) throws(EventDecodingError) {
        by = try payload.userID("by")
        messageId = try payload.messageID("messageId")
        readAt = try payload.integer("readAt")
    }

    func write(to writer: inout JSONWriter) {
        writer.member("by", by.rawValue)
        writer.member("messageId", messageId.rawValue)
        writer.member("readAt", readAt)
    }
}
