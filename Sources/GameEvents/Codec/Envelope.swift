/// The outer object of every message (docs/protocol.md, "Envelope"): `type`, `payload`, `timestamp`, and `id`
/// (client to server) or `replyTo` (server to client). Unknown members are ignored.
struct Envelope {
    /// The longest client `id`, in Unicode scalars.
    static let maxIDLength = 64
    /// Client messages nest shallowly; a tighter limit than the parser's default bounds the work an attacker can
    /// cause with deep unknown members.
    static let maxDepth = 16

    /// The event name, not yet looked up.
    let type: String
    /// The client's `id`, or the server's `replyTo`.
    let correlation: String?
    /// `timestamp` when it is an integer (clients may send any number; it is informational).
    let timestamp: Int64?
    /// The payload object (`{}` when absent or `null`).
    let payload: PayloadReader

    /// Parses the envelope of a message. `correlationKey` is `id` for client messages, `replyTo` for server ones.
    /// Errors thrown after the correlation member was read carry it.
    init(parsing bytes: UnsafeRawBufferPointer, correlationKey: String) throws(EventDecodingError) {
        let json: JSONValue
        do {
            json = try JSONParser.parse(bytes, maxDepth: Self.maxDepth)
        } catch {
            throw EventDecodingError(code: .invalidJSON, message: error.description)
        }
        guard case .object(let object) = json else {
            throw EventDecodingError(code: .invalidJSON, message: "a message must be a JSON object")
        }
        let root = PayloadReader(object, path: "")
        let correlation = try Self.readCorrelation(root, key: correlationKey)
        do throws(EventDecodingError) {
            type = try root.string("type")
            timestamp = try Self.readTimestamp(root)
            var payload = JSONObject()
            if let value = root.optionalValue("payload") {
                guard let members = value.objectValue else {
                    throw .invalidPayload("payload", "must be an object")
                }
                payload = members
            }
            self.payload = PayloadReader(payload, path: "payload")
            self.correlation = correlation
        } catch {
            var error = error
            error.id = correlation
            throw error
        }
    }

    /// The `id` (1-64 characters) or `replyTo` member, if present.
    private static func readCorrelation(_ root: PayloadReader, key: String) throws(EventDecodingError) -> String? {
        guard let value = root.optionalValue(key) else { return nil }
        guard let text = value.stringValue, !text.isEmpty,
            key != "id" || text.utf8.count <= maxIDLength || text.unicodeScalars.count <= maxIDLength
        else {
            throw .invalidPayload(key, key == "id" ? "must be a string of 1-\(maxIDLength) characters"
                : "must be a non-empty string")
        }
        return text
    }

    /// `timestamp`: any number when present (kept only when it is an integer).
    private static func readTimestamp(_ root: PayloadReader) throws(EventDecodingError) -> Int64? {
        guard let value = root.optionalValue("timestamp") else { return nil }
        guard value.doubleValue != nil else { throw .invalidPayload("timestamp", "must be a number") }
        return value.int64Value
    }
}
