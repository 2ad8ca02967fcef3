/// `lobby:chat` payload from the server, and an element of `lobby:chat:history`'s `messages` and of a resumed chat
/// stream: one stored lobby chat message.
public struct LobbyChatMessage: Equatable, Sendable {
    /// The lobby.
    public var lobbyId: LobbyID
    /// The message's number in its lobby: 1, 2, 3… in the order stored.
    public var messageId: MessageID
    /// The sender.
    public var userId: UserID
    /// The sender's display name when it was sent.
    public var username: String
    /// The sanitized text.
    public var text: String
    /// When the server stored it, in milliseconds since the epoch.
    public var sentAt: Int64

    /// A stored lobby message.
    public init(lobbyId: LobbyID, messageId: MessageID, userId: UserID, username: String, text: String,
                sentAt: Int64) {
        self.lobbyId = lobbyId
        self.messageId = messageId
        self.userId = userId
        self.username = username
        self.text = text
        self.sentAt = sentAt
    }
}

extension LobbyChatMessage: WirePayload {
    init(reading payload: PayloadReader) throws(EventDecodingError) {
        lobbyId = try payload.lobbyID("lobbyId")
        messageId = try payload.messageID("messageId")
        userId = try payload.userID("userId")
        username = try payload.string("username")
        text = try payload.string("text")
        sentAt = try payload.integer("sentAt")
    }

    func write(to writer: inout JSONWriter) {
        writer.member("lobbyId", lobbyId.rawValue)
        writer.member("messageId", messageId.rawValue)
        writer.member("userId", userId.rawValue)
        writer.member("username", username)
        writer.member("text", text)
        writer.member("sentAt", sentAt)
    }
}
