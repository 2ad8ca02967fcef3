/// Server events inside another event's payload (`session.resumed`'s missed lobby events): `{"type", "payload"}`,
/// without `replyTo` or `timestamp`.
extension ServerEvent {
    /// Reads an embedded event; errors name the nested field (`payload.streams.lobbyEvents.events[0].type`).
    init(embedded object: PayloadReader) throws(EventDecodingError) {
        let type = try object.string("type")
        guard let name = ServerEventName(wireName: type) else {
            throw .invalidPayload(object.field("type"), "must be the name of a server event")
        }
        let payload = try object.objectIfPresent("payload")
            ?? PayloadReader(JSONObject(), path: object.field("payload"))
        try self.init(name: name, payload: payload)
    }

    /// Writes the members of an embedded event: `"type":…,"payload":{…}`.
    func writeEmbedded(to writer: inout JSONWriter) {
        writer.member("type", name.rawValue)
        writer.literalKey("payload")
        writer.beginObject()
        writePayload(to: &writer)
        writer.endObject()
    }
}
