/// Payloads of client events: read by name, written by case.
extension ClientEvent {
    /// Reads the payload of the event called `name`.
    init(name: ClientEventName, payload: PayloadReader) throws(EventDecodingError) {
        switch name {
        case .heartbeat: self = .heartbeat(try Heartbeat(reading: payload))
        case .userStatus: self = .setStatus(try SetStatus(reading: payload))
        case .friendAdd: self = .addFriend(try FriendTarget(reading: payload))
        case .friendRemove: self = .removeFriend(try FriendTarget(reading: payload))
        case .friendList: self = .listFriends
        case .chatSendMessage: self = .sendMessage(try SendMessage(reading: payload))
        case .chatTypingStart: self = .typingStart(try TypingTarget(reading: payload))
        case .chatTypingStop: self = .typingStop(try TypingTarget(reading: payload))
        case .chatMessageRead: self = .messageRead(try MessageRead(reading: payload))
        case .chatHistory: self = .history(try HistoryQuery(reading: payload))
        case .lobbyCreate: self = .createLobby(try CreateLobby(reading: payload))
        case .lobbyList: self = .listLobbies(try LobbyListQuery(reading: payload))
        case .lobbyJoin: self = .joinLobby(try JoinLobby(reading: payload))
        case .lobbyLeave: self = .leaveLobby
        case .lobbyReady: self = .setReady(try SetReady(reading: payload))
        case .lobbyCustomization: self = .customize(try PlayerCustomization(reading: payload))
        case .lobbyStart: self = .startLobby
        case .lobbyClose: self = .closeLobby
        case .lobbyInvite: self = .inviteToLobby(try LobbyInvite(reading: payload))
        case .lobbyAccept: self = .acceptInvitation(try InvitationAnswer(reading: payload))
        case .lobbyDecline: self = .declineInvitation(try InvitationAnswer(reading: payload))
        case .lobbyChat: self = .sendLobbyMessage(try SendLobbyMessage(reading: payload))
        case .lobbyTyping: self = .lobbyTyping(try LobbyTyping(reading: payload))
        case .lobbyChatHistory: self = .lobbyHistory(try LobbyHistoryQuery(reading: payload))
        case .lobbyChatRead: self = .lobbyChatRead(try LobbyChatRead(reading: payload))
        case .gameInput: self = .gameInput(try GameInput(reading: payload))
        case .gameLeave: self = .leaveGame
        case .gameList: self = .listGames(try GameListQuery(reading: payload))
        case .gameSpectate: self = .spectateGame(try GameTarget(reading: payload))
        case .gameUnspectate: self = .unspectateGame(try GameTarget(reading: payload))
        case .gameReplay: self = .replayGame(try ReplayGame(reading: payload))
        case .sessionResume: self = .resumeSession(try ResumeSession(reading: payload))
        }
    }

    /// Writes the payload's members; nothing for events without a payload.
    func writePayload(to writer: inout JSONWriter) {
        switch self {
        case .heartbeat(let payload): payload.write(to: &writer)
        case .setStatus(let payload): payload.write(to: &writer)
        case .addFriend(let payload), .removeFriend(let payload): payload.write(to: &writer)
        case .listFriends: break
        case .sendMessage(let payload): payload.write(to: &writer)
        case .typingStart(let payload), .typingStop(let payload): payload.write(to: &writer)
        case .messageRead(let payload): payload.write(to: &writer)
        case .history(let payload): payload.write(to: &writer)
        case .leaveLobby, .startLobby, .closeLobby: break
        case .createLobby(let payload): payload.write(to: &writer)
        case .listLobbies(let payload): payload.write(to: &writer)
        case .joinLobby(let payload): payload.write(to: &writer)
        case .setReady(let payload): payload.write(to: &writer)
        case .customize(let payload): payload.write(to: &writer)
        case .inviteToLobby(let payload): payload.write(to: &writer)
        case .acceptInvitation(let payload), .declineInvitation(let payload): payload.write(to: &writer)
        case .sendLobbyMessage(let payload): payload.write(to: &writer)
        case .lobbyTyping(let payload): payload.write(to: &writer)
        case .lobbyHistory(let payload): payload.write(to: &writer)
        case .lobbyChatRead(let payload): payload.write(to: &writer)
        case .gameInput(let payload): payload.write(to: &writer)
        case .leaveGame: break
        case .listGames(let payload): payload.write(to: &writer)
        case .spectateGame(let payload), .unspectateGame(let payload): payload.write(to: &writer)
        case .replayGame(let payload): payload.write(to: &writer)
        case .resumeSession(let payload): payload.write(to: &writer)
        }
    }
}
