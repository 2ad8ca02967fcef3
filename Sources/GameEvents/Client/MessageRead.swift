/// `chat:message_read` payload: `{"with": userId, "messageId": integer}`: the reader has read the conversation with
/// `with` up to and including `messageId`.
public struct MessageRead: Equatable, Sendable {
    /// The other side of the conversation.
    public var with: UserID
    /// The newest message read.
    public var messageId: MessageID

    /// A read marker for the conversation with `with`.
    public init(with: UserID, messageId: MessageID) {
        self.with = with
        self.messageId = messageId
    }
}

extension MessageRead: WirePayload {
    init(reading payload: PayloadReader) throws(EventDecodingError) {
        with = try payload.userID("with")
        messageId = try payload.messageID("messageId")
    }

    func write(to writer: inout JSONWriter) {
        writer.member("with", with.rawValue)
        writer.member("messageId", messageId.rawValue)
    }
}
