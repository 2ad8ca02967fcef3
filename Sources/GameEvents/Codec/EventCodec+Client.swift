/// Client messages: decoded by the server, encoded by clients.
extension EventCodec {
    /// Decodes one client message (the payload of a WebSocket text frame).
    ///
    /// In order: the bytes must be JSON (`invalid_json`) and an object (`invalid_json`); `id`, if present, a
    /// string of 1-64 characters (`invalid_payload`, field `id`); `type` a string (`invalid_payload`, field `type`);
    /// `timestamp`, if present, a number (`invalid_payload`, field `timestamp`); `type` a client event name
    /// (`unknown_event`, field `type`); `payload`, if present, an object (`invalid_payload`, field `payload`); then
    /// the event's own fields (`invalid_payload` or `payload_too_large`, field `payload.<name>`). Once `id` has
    /// been read, every error carries it.
    public static func decodeClient(_ bytes: UnsafeRawBufferPointer) -> Result<ClientMessage, EventDecodingError> {
        Result { () throws(EventDecodingError) in try readClientMessage(bytes) }
    }

    /// Decodes one client message from an array (convenience for tests and tools).
    public static func decodeClient(_ bytes: [UInt8]) -> Result<ClientMessage, EventDecodingError> {
        bytes.withUnsafeBytes { decodeClient($0) }
    }

    /// Encodes a client message: `{"type":…,"payload":{…},"id":…,"timestamp":…}`, omitting `id` and `timestamp`
    /// when nil.
    public static func encode(_ message: ClientMessage, timestamp: Int64? = nil) -> [UInt8] {
        var writer = JSONWriter(reservingCapacity: initialCapacity)
        writer.beginObject()
        writer.member("type", message.event.name.rawValue)
        writer.objectKey("payload")
        message.event.writePayload(to: &writer)
        writer.endObject()
        writer.member("id", ifPresent: message.id)
        writer.member("timestamp", ifPresent: timestamp)
        writer.endObject()
        return writer.bytes
    }

    /// The decoding steps, throwing.
    private static func readClientMessage(_ bytes: UnsafeRawBufferPointer) throws(EventDecodingError)
        -> ClientMessage
    {
        let envelope = try Envelope(parsing: bytes, correlationKey: "id")
        guard let name = ClientEventName(wireName: envelope.type) else {
            throw EventDecodingError(code: .unknownEvent, message: unknownEventMessage(envelope.type),
                                     field: "type", id: envelope.correlation)
        }
        do {
            let event = try ClientEvent(name: name, payload: envelope.payload)
            return ClientMessage(id: envelope.correlation, event: event)
        } catch {
            var error = error
            error.id = envelope.correlation
            throw error
        }
    }

    /// `type: "x" is not a client event` (the name shortened, since it comes from the client).
    private static func unknownEventMessage(_ type: String) -> String {
        let shown = type.unicodeScalars.count > 64 ? String(type.unicodeScalars.prefix(64)) + "…" : type
        let serverOnly = ServerEventName(wireName: type) != nil ? " (it is sent by the server)" : ""
        return "type: \"\(shown)\" is not a client event\(serverOnly)"
    }
}
