/// `lobby:typing` payload from a client: `{"typing": bool}`, the sender started or stopped typing in the lobby
/// chat.
public struct LobbyTyping: Equatable, Sendable {
    /// Whether the sender is typing.
    public var typing: Bool

    /// A typing notice.
    public init(typing: Bool) {
        self.typing = typing
    }
}

extension LobbyTyping: WirePayload {
    init(reading payload: PayloadReader) throws(EventDecodingError) {
        typing = try payload.bool("typing")
    }

    func write(to writer: inout JSONWriter) {
        writer.member("typing", typing)
    }
}
