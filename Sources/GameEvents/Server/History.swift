/// `chat:history` payload from the server: a page of the conversation with `with`, oldest first.
public struct History: Equatable, Sendable {
    /// The other side of the conversation.
    public var with: UserID
    /// The messages, oldest first.
    public var messages: [DirectMessage]
    /// Whether more messages exist beyond this page in the direction asked for (older for `before` or no cursor,
    /// newer for `after`).
    public var hasMore: Bool

    /// A page of history.
    public init(with: UserID, messages: [DirectMessage], hasMore: Bool) {
        self.with = with
        self.messages = messages
        self.hasMore = hasMore
    }
}

extension History: WirePayload {
    init(reading payload: PayloadReader) throws(EventDecodingError) {
        with = try payload.userID("with")
        messages = try payload.objects("messages") { (object) throws(EventDecodingError) in
            try DirectMessage(reading: object)
        }
        hasMore = try payload.bool("hasMore")
    }

    func write(to writer: inout JSONWriter) {
        writer.member("with", with.rawValue)
        writer.writeArray("messages", of: messages)
        writer.member("hasMore", hasMore)
    }
}
