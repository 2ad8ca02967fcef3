/// Payloads of server events: read by name, written by case.
extension ServerEvent {
    /// Reads the payload of the event called `name`.
    init(name: ServerEventName, payload: PayloadReader) throws(EventDecodingError) {
        switch name {
        case .connectionAck: self = .connectionAck(try ConnectionAck(reading: payload))
        case .connectionError: self = .connectionError(try ConnectionError(reading: payload))
        case .heartbeatAck: self = .heartbeatAck(try HeartbeatAck(reading: payload))
        case .systemError: self = .systemError(try SystemError(reading: payload))
        case .userStatus: self = .userStatus(try UserStatusChanged(reading: payload))
        case .friendOnline: self = .friendOnline(try FriendSummary(reading: payload))
        case .friendOffline: self = .friendOffline(try FriendOffline(reading: payload))
        case .friendRequest: self = .friendRequest(try UserSummary(reading: payload))
        case .friendRequestSent: self = .friendRequestSent(try UserSummary(reading: payload))
        case .friendAdded: self = .friendAdded(try FriendAdded(reading: payload))
        case .friendRemoved: self = .friendRemoved(try FriendRemoved(reading: payload))
        case .friendList: self = .friendList(try FriendList(reading: payload))
        case .chatReceiveMessage: self = .receiveMessage(try DirectMessage(reading: payload))
        case .chatTypingStart: self = .typingStart(try TypingNotice(reading: payload))
        case .chatTypingStop: self = .typingStop(try TypingNotice(reading: payload))
        case .chatMessageRead: self = .messageRead(try MessageReadReceipt(reading: payload))
        case .chatHistory: self = .history(try History(reading: payload))
        case .lobbyCreated: self = .lobbyCreated(try LobbySnapshot(reading: payload))
        case .lobbyList: self = .lobbyList(try LobbyList(reading: payload))
        case .lobbyJoined: self = .lobbyJoined(try LobbySnapshot(reading: payload))
        case .lobbyLeft: self = .lobbyLeft(try LobbyLeft(reading: payload))
        case .lobbyUpdate: self = .lobbyUpdate(try LobbySnapshot(reading: payload))
        case .lobbyPlayerJoin: self = .playerJoined(try LobbyPlayerJoined(reading: payload))
        case .lobbyPlayerLeave: self = .playerLeft(try LobbyPlayerLeft(reading: payload))
        case .lobbyInvitation: self = .invitation(try LobbyInvitation(reading: payload))
        case .lobbyInviteSent: self = .inviteSent(try LobbyInviteSent(reading: payload))
        case .lobbyInvitationDeclined: self = .invitationDeclined(try InvitationDeclined(reading: payload))
        case .lobbyChat: self = .lobbyChat(try LobbyChatMessage(reading: payload))
        case .lobbyTyping: self = .lobbyTyping(try LobbyTypingNotice(reading: payload))
        case .lobbyChatHistory: self = .lobbyHistory(try LobbyHistory(reading: payload))
        case .lobbyChatRead: self = .lobbyChatRead(try LobbyChatReadMarker(reading: payload))
        case .lobbyClosed: self = .lobbyClosed(try LobbyClosed(reading: payload))
        case .sessionResumed: self = .sessionResumed(try SessionResumed(reading: payload))
        case .sessionExpired: self = .sessionExpired(try SessionExpired(reading: payload))
        }
    }

    /// Writes the payload's members.
    func writePayload(to writer: inout JSONWriter) {
        switch self {
        case .connectionAck(let payload): payload.write(to: &writer)
        case .connectionError(let payload): payload.write(to: &writer)
        case .heartbeatAck(let payload): payload.write(to: &writer)
        case .systemError(let payload): payload.write(to: &writer)
        case .userStatus(let payload): payload.write(to: &writer)
        case .friendOnline(let payload): payload.write(to: &writer)
        case .friendOffline(let payload): payload.write(to: &writer)
        case .friendRequest(let payload), .friendRequestSent(let payload): payload.write(to: &writer)
        case .friendAdded(let payload): payload.write(to: &writer)
        case .friendRemoved(let payload): payload.write(to: &writer)
        case .friendList(let payload): payload.write(to: &writer)
        case .receiveMessage(let payload): payload.write(to: &writer)
        case .typingStart(let payload), .typingStop(let payload): payload.write(to: &writer)
        case .messageRead(let payload): payload.write(to: &writer)
        case .history(let payload): payload.write(to: &writer)
        case .lobbyCreated(let payload), .lobbyJoined(let payload), .lobbyUpdate(let payload):
            payload.write(to: &writer)
        case .lobbyList(let payload): payload.write(to: &writer)
        case .lobbyLeft(let payload): payload.write(to: &writer)
        case .playerJoined(let payload): payload.write(to: &writer)
        case .playerLeft(let payload): payload.write(to: &writer)
        case .invitation(let payload): payload.write(to: &writer)
        case .inviteSent(let payload): payload.write(to: &writer)
        case .invitationDeclined(let payload): payload.write(to: &writer)
        case .lobbyChat(let payload): payload.write(to: &writer)
        case .lobbyTyping(let payload): payload.write(to: &writer)
        case .lobbyHistory(let payload): payload.write(to: &writer)
        case .lobbyChatRead(let payload): payload.write(to: &writer)
        case .lobbyClosed(let payload): payload.write(to: &writer)
        case .sessionResumed(let payload): payload.write(to: &writer)
        case .sessionExpired(let payload): payload.write(to: &writer)
        }
    }
}
