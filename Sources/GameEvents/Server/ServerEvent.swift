/// An event the server sends, with its payload (docs/protocol.md). One case per ``ServerEventName``.
public enum ServerEvent: Equatable, Sendable {
    /// `connection.ack`.
    case connectionAck(ConnectionAck)
    /// `connection.error`.
    case connectionError(ConnectionError)
    /// `system.heartbeat.ack`.
    case heartbeatAck(HeartbeatAck)
    /// `system.error`.
    case systemError(SystemError)
    /// `user:status`.
    case userStatus(UserStatusChanged)
    /// `friend:online`.
    case friendOnline(FriendSummary)
    /// `friend:offline`.
    case friendOffline(FriendOffline)
    /// `friend:request`: the user who asked.
    case friendRequest(UserSummary)
    /// `friend:request_sent`: the user asked.
    case friendRequestSent(UserSummary)
    /// `friend:added`.
    case friendAdded(FriendAdded)
    /// `friend:removed`.
    case friendRemoved(FriendRemoved)
    /// `friend:list`.
    case friendList(FriendList)
    /// `chat:receive_message`.
    case receiveMessage(DirectMessage)
    /// `chat:typing_start`.
    case typingStart(TypingNotice)
    /// `chat:typing_stop`.
    case typingStop(TypingNotice)
    /// `chat:message_read`.
    case messageRead(MessageReadReceipt)
    /// `chat:history`.
    case history(History)

    /// The event's wire name.
    public var name: ServerEventName {
        switch self {
        case .connectionAck: return .connectionAck
        case .connectionError: return .connectionError
        case .heartbeatAck: return .heartbeatAck
        case .systemError: return .systemError
        case .userStatus: return .userStatus
        case .friendOnline: return .friendOnline
        case .friendOffline: return .friendOffline
        case .friendRequest: return .friendRequest
        case .friendRequestSent: return .friendRequestSent
        case .friendAdded: return .friendAdded
        case .friendRemoved: return .friendRemoved
        case .friendList: return .friendList
        case .receiveMessage: return .chatReceiveMessage
        case .typingStart: return .chatTypingStart
        case .typingStop: return .chatTypingStop
        case .messageRead: return .chatMessageRead
        case .history: return .chatHistory
        }
    }
}
