/// `session.resumed`'s `streams`: where the client's lobby chat and lobby events continue.
public struct ResumeStreams: Equatable, Sendable {
    /// Lobby chat messages after `lastChatId` (member `messages`).
    public var chat: StreamResume<LobbyChatMessage>
    /// Lobby events after `lastLobbyVersion` (member `events`): server messages such as `lobby:player:join`,
    /// `lobby:player:leave` and `lobby:update`, each written as `{"type", "payload"}`.
    public var lobbyEvents: StreamResume<ServerEvent>

    /// Both streams.
    public init(chat: StreamResume<LobbyChatMessage>, lobbyEvents: StreamResume<ServerEvent>) {
        self.chat = chat
        self.lobbyEvents = lobbyEvents
    }
}

extension ResumeStreams: WirePayload {
    init(reading payload: PayloadReader) throws(EventDecodingError) {
        chat = try StreamResume(reading: payload.object("chat"), elementsKey: "messages") {
            (object) throws(EventDecodingError) in try LobbyChatMessage(reading: object)
        }
        lobbyEvents = try StreamResume(reading: payload.object("lobbyEvents"), elementsKey: "events") {
            (object) throws(EventDecodingError) in try ServerEvent(embedded: object)
        }
    }

    func write(to writer: inout JSONWriter) {
        writer.literalKey("chat")
        writer.beginObject()
        chat.write(to: &writer, elementsKey: "messages") { message, writer in message.write(to: &writer) }
        writer.endObject()
        writer.literalKey("lobbyEvents")
        writer.beginObject()
        lobbyEvents.write(to: &writer, elementsKey: "events") { event, writer in event.writeEmbedded(to: &writer) }
        writer.endObject()
    }
}
