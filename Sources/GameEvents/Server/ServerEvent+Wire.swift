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
        }
    }
}
