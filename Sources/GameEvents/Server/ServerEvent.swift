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
    /// `lobby:created`.
    case lobbyCreated(LobbySnapshot)
    /// `lobby:list`.
    case lobbyList(LobbyList)
    /// `lobby:joined`.
    case lobbyJoined(LobbySnapshot)
    /// `lobby:left`.
    case lobbyLeft(LobbyLeft)
    /// `lobby:update`.
    case lobbyUpdate(LobbySnapshot)
    /// `lobby:player:join`.
    case playerJoined(LobbyPlayerJoined)
    /// `lobby:player:leave`.
    case playerLeft(LobbyPlayerLeft)
    /// `lobby:invitation`.
    case invitation(LobbyInvitation)
    /// `lobby:invite_sent`.
    case inviteSent(LobbyInviteSent)
    /// `lobby:invitation:declined`.
    case invitationDeclined(InvitationDeclined)
    /// `lobby:chat`.
    case lobbyChat(LobbyChatMessage)
    /// `lobby:typing`.
    case lobbyTyping(LobbyTypingNotice)
    /// `lobby:chat:history`.
    case lobbyHistory(LobbyHistory)
    /// `lobby:chat:read`.
    case lobbyChatRead(LobbyChatReadMarker)
    /// `lobby:closed`.
    case lobbyClosed(LobbyClosed)
    /// `game:start`.
    case gameStart(GameStart)
    /// `game:state`.
    case gameState(GameState)
    /// `game:score`.
    case gameScore(GameScore)
    /// `game:pause`.
    case gamePause(GamePause)
    /// `game:resume`.
    case gameResume(GameResume)
    /// `game:end`.
    case gameEnd(GameEnd)
    /// `game:list`.
    case gameList(GameList)
    /// `game:unspectated`.
    case gameUnspectated(GameUnspectated)
    /// `session.resumed`.
    case sessionResumed(SessionResumed)
    /// `session.expired`.
    case sessionExpired(SessionExpired)

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
        case .lobbyCreated: return .lobbyCreated
        case .lobbyList: return .lobbyList
        case .lobbyJoined: return .lobbyJoined
        case .lobbyLeft: return .lobbyLeft
        case .lobbyUpdate: return .lobbyUpdate
        case .playerJoined: return .lobbyPlayerJoin
        case .playerLeft: return .lobbyPlayerLeave
        case .invitation: return .lobbyInvitation
        case .inviteSent: return .lobbyInviteSent
        case .invitationDeclined: return .lobbyInvitationDeclined
        case .lobbyChat: return .lobbyChat
        case .lobbyTyping: return .lobbyTyping
        case .lobbyHistory: return .lobbyChatHistory
        case .lobbyChatRead: return .lobbyChatRead
        case .lobbyClosed: return .lobbyClosed
        case .gameStart: return .gameStart
        case .gameState: return .gameState
        case .gameScore: return .gameScore
        case .gamePause: return .gamePause
        case .gameResume: return .gameResume
        case .gameEnd: return .gameEnd
        case .gameList: return .gameList
        case .gameUnspectated: return .gameUnspectated
        case .sessionResumed: return .sessionResumed
        case .sessionExpired: return .sessionExpired
        }
    }
}
