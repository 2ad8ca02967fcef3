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
    /// `lobby:create`.
    case createLobby(CreateLobby)
    /// `lobby:list`.
    case listLobbies(LobbyListQuery)
    /// `lobby:join`.
    case joinLobby(JoinLobby)
    /// `lobby:leave` (no payload).
    case leaveLobby
    /// `lobby:ready`.
    case setReady(SetReady)
    /// `lobby:customization`.
    case customize(PlayerCustomization)
    /// `lobby:start` (no payload).
    case startLobby
    /// `lobby:close` (no payload).
    case closeLobby
    /// `lobby:invite`.
    case inviteToLobby(LobbyInvite)
    /// `lobby:accept`.
    case acceptInvitation(InvitationAnswer)
    /// `lobby:decline`.
    case declineInvitation(InvitationAnswer)
    /// `lobby:chat`.
    case sendLobbyMessage(SendLobbyMessage)
    /// `lobby:typing`.
    case lobbyTyping(LobbyTyping)
    /// `lobby:chat:history`.
    case lobbyHistory(LobbyHistoryQuery)
    /// `lobby:chat:read`.
    case lobbyChatRead(LobbyChatRead)
    /// `game:input`.
    case gameInput(GameInput)
    /// `game:leave` (no payload).
    case leaveGame
    /// `game:list`.
    case listGames(GameListQuery)
    /// `game:spectate`.
    case spectateGame(GameTarget)
    /// `game:unspectate`.
    case unspectateGame(GameTarget)
    /// `game:replay`.
    case replayGame(ReplayGame)
    /// `session.resume`.
    case resumeSession(ResumeSession)

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
        case .createLobby: return .lobbyCreate
        case .listLobbies: return .lobbyList
        case .joinLobby: return .lobbyJoin
        case .leaveLobby: return .lobbyLeave
        case .setReady: return .lobbyReady
        case .customize: return .lobbyCustomization
        case .startLobby: return .lobbyStart
        case .closeLobby: return .lobbyClose
        case .inviteToLobby: return .lobbyInvite
        case .acceptInvitation: return .lobbyAccept
        case .declineInvitation: return .lobbyDecline
        case .sendLobbyMessage: return .lobbyChat
        case .lobbyTyping: return .lobbyTyping
        case .lobbyHistory: return .lobbyChatHistory
        case .lobbyChatRead: return .lobbyChatRead
        case .gameInput: return .gameInput
        case .leaveGame: return .gameLeave
        case .listGames: return .gameList
        case .spectateGame: return .gameSpectate
        case .unspectateGame: return .gameUnspectate
        case .replayGame: return .gameReplay
        case .resumeSession: return .sessionResume
        }
    }
}
