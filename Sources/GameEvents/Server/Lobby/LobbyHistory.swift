/// `lobby:chat:history` payload from the server: a page of a lobby's chat, oldest first.
public struct LobbyHistory: Equatable, Sendable {
    /// The lobby.
    public var lobbyId: LobbyID
    /// The messages, oldest first.
    public var messages: [LobbyChatMessage]
    /// Whether more messages exist beyond this page in the direction asked for (older for `before` or no cursor,
    /// newer for `after`).
    public var hasMore: Bool

    /// A page of lobby chat.
    public init(lobbyId: LobbyID, messages: [LobbyChatMessage], hasMore: Bool) {
        self.lobbyId = lobbyId
        self.messages = messages
        self.hasMore = hasMore
    }
}

extension LobbyHistory: WirePayload {
    init(reading payload: PayloadReader) throws(EventDecodingError) {
        lobbyId = try payload.lobbyID("lobbyId")
        messages = try payload.objects("messages") { (object) throws(EventDecodingError) in
            try LobbyChatMessage(reading: object)
        }
        hasMore = try payload.bool("hasMore")
    }

    func write(to writer: inout JSONWriter) {
        writer.member("lobbyId", lobbyId.rawValue)
        writer.writeArray("messages", of: messages)
        writer.member("hasMore", hasMore)
    }
}
