/// Server messages: encoded by the server, decoded by clients and tests.
extension EventCodec {
    /// Encodes a server event: `{"type":…,"payload":{…},"replyTo":…,"timestamp":…}` (`replyTo` omitted when
    /// nil, as are absent optional payload fields).
    public static func encode(_ event: ServerEvent, replyTo: String?, timestamp: Int64) -> [UInt8] {
        var writer = JSONWriter(reservingCapacity: initialCapacity(for: event))
        write(event, replyTo: replyTo, timestamp: timestamp, to: &writer)
        return writer.bytes
    }

    /// Encodes a server event at the end of `buffer` (to reuse one buffer's capacity across events).
    public static func encode(_ event: ServerEvent, replyTo: String?, timestamp: Int64,
                              appendingTo buffer: inout [UInt8]) {
        var writer = JSONWriter(reservingCapacity: 0)
        // Move the buffer into the writer and back, so appends never copy it.
        swap(&writer.bytes, &buffer)
        write(event, replyTo: replyTo, timestamp: timestamp, to: &writer)
        swap(&writer.bytes, &buffer)
    }

    /// Decodes one server message (for clients and tests). The same envelope rules as for client messages, with
    /// `replyTo` in place of `id`; unknown `type`s are `unknown_event`.
    public static func decodeServer(_ bytes: UnsafeRawBufferPointer) -> Result<ServerMessage, EventDecodingError> {
        Result { () throws(EventDecodingError) in
            let envelope = try Envelope(parsing: bytes, correlationKey: "replyTo")
            guard let name = ServerEventName(wireName: envelope.type) else {
                throw EventDecodingError(code: .unknownEvent, message: "type: not a server event", field: "type")
            }
            let event = try ServerEvent(name: name, payload: envelope.payload)
            return ServerMessage(event: event, replyTo: envelope.correlation, timestamp: envelope.timestamp)
        }
    }

    /// Decodes one server message from an array (convenience for tests and tools).
    public static func decodeServer(_ bytes: [UInt8]) -> Result<ServerMessage, EventDecodingError> {
        bytes.withUnsafeBytes { decodeServer($0) }
    }

    /// Writes the envelope and payload of `event`.
    private static func write(_ event: ServerEvent, replyTo: String?, timestamp: Int64, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("type", event.name.rawValue)
        writer.objectKey("payload")
        event.writePayload(to: &writer)
        writer.endObject()
        writer.member("replyTo", ifPresent: replyTo)
        writer.member("timestamp", timestamp)
        writer.endObject()
    }
}
