/// `chat:typing_start` and `chat:typing_stop` payload from a client: `{"to": userId}`.
public struct TypingTarget: Equatable, Sendable {
    /// The user being typed to.
    public var to: UserID

    /// A typing notice for `to`.
    public init(to: UserID) {
        self.to = to
    }
}

extension TypingTarget: WirePayload {
    init(reading payload: PayloadReader) throws(EventDecodingError) {
        to = try payload.userID("to")
    }

    func write(to writer: inout JSONWriter) {
        writer.member("to", to.rawValue)
    }
}
