/// `lobby:chat:read` payload from the server: `{"lobbyId", "messageId"}`, the answer to `lobby:chat:read`: the
/// reader's marker now stands at `messageId`.
public struct LobbyChatReadMarker: Equatable, Sendable {
    /// The lobby.
    public var lobbyId: LobbyID
    /// The newest message read.
    public var messageId: MessageID

    /// A read marker in `lobbyId`.
    public init(lobbyId: LobbyID, messageId: MessageID) {
        self.lobbyId = lobbyId
        self.messageId = messageId
    }
}

extension LobbyChatReadMarker: WirePayload {
    init(reading payload: PayloadReader) throws(EventDecodingError) {
        lobbyId = try payload.lobbyID("lobbyId")
        messageId = try payload.messageID("messageId")
    }

    func write(to writer: inout JSONWriter) {
        writer.member("lobbyId", lobbyId.rawValue)
        writer.member("messageId", messageId.rawValue)
    }
}
