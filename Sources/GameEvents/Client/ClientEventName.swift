/// The wire names of the events clients send (docs/protocol.md). The one table: decoding looks names up here and
/// encoding writes them from here.
public enum ClientEventName: String, Sendable, CaseIterable {
    /// `system.heartbeat`: an application-level keep-alive for clients that cannot see WebSocket pings.
    case heartbeat = "system.heartbeat"
    /// `user:status`: set the user's own status.
    case userStatus = "user:status"
    /// `friend:add`: send or accept a friend request.
    case friendAdd = "friend:add"
    /// `friend:remove`: end a friendship, withdraw a request or decline one.
    case friendRemove = "friend:remove"
    /// `friend:list`: ask for friends and pending requests.
    case friendList = "friend:list"
    /// `chat:send_message`: send a direct message.
    case chatSendMessage = "chat:send_message"
    /// `chat:typing_start`: tell a user you started typing to them.
    case chatTypingStart = "chat:typing_start"
    /// `chat:typing_stop`: tell a user you stopped typing.
    case chatTypingStop = "chat:typing_stop"
    /// `chat:message_read`: mark a conversation read up to a message.
    case chatMessageRead = "chat:message_read"
    /// `chat:history`: page through a conversation.
    case chatHistory = "chat:history"
}
