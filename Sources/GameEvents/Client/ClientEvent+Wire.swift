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
        }
    }
}
