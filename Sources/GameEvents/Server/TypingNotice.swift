/// `chat:typing_start` and `chat:typing_stop` payload from the server: `{"from": userId}`, who is typing to you.
public struct TypingNotice: Equatable, Sendable {
    /// The user typing.
    public var from: UserID

    /// A typing notice from `from`.
    public init(from: UserID) {
        self.from = from
    }
}

extension TypingNotice: WirePayload {
    init(reading payload: PayloadReader) throws(EventDecodingError) {
        from = try payload.userID("from")
    }

    func write(to writer: inout JSONWriter) {
        writer.member("from", from.rawValue)
    }
}
