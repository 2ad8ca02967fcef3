/// An event a client sends, with its validated payload (docs/protocol.md). One case per ``ClientEventName``.
public enum ClientEvent: Equatable, Sendable {
    /// `system.heartbeat`.
    case heartbeat(Heartbeat)
    /// `user:status`.
    case setStatus(SetStatus)
    /// `friend:add`.
    case addFriend(FriendTarget)
    /// `friend:remove`.
    case removeFriend(FriendTarget)
    /// `friend:list` (no payload).
    case listFriends
    /// `chat:send_message`.
    case sendMessage(SendMessage)
    /// `chat:typing_start`.
    case typingStart(TypingTarget)
    /// `chat:typing_stop`.
    case typingStop(TypingTarget)
    /// `chat:message_read`.
    case messageRead(MessageRead)
    /// `chat:history`.
    case history(HistoryQuery)

    /// The event's wire name.
    public var name: ClientEventName {
        switch self {
        case .heartbeat: return .heartbeat
        case .setStatus: return .userStatus
        case .addFriend: return .friendAdd
        case .removeFriend: return .friendRemove
        case .listFriends: return .friendList
        case .sendMessage: return .chatSendMessage
        case .typingStart: return .chatTypingStart
        case .typingStop: return .chatTypingStop
        case .messageRead: return .chatMessageRead
        case .history: return .chatHistory
        }
    }
}
