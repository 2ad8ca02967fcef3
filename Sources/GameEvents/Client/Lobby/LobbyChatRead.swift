/// `lobby:chat:read` payload from a client: `{"messageId": integer}`, the sender has read the lobby chat up to and
/// including `messageId`.
public struct LobbyChatRead: Equatable, Sendable {
    /// The newest message read.
    public var messageId: MessageID

    /// A read marker.
    public init(messageId: MessageID) {
        self.messageId = messageId
    }
}

extension LobbyChatRead: WirePayload {
    init(reading payload: PayloadReader) throws(EventDecodingError) {
        messageId = try payload.messageID("messageId")
    }

    func write(to writer: inout JSONWriter) {
        writer.member("messageId", messageId.rawValue)
    }
}
