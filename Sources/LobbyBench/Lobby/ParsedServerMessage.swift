import GameEvents

/// A server message the lobby scenario reads in full (answers and errors, never the chat deliveries), parsed with
/// GameEvents' strict RFC 8259 parser: its `type`, `payload` and `replyTo`.
struct ParsedServerMessage {
    /// The event name.
    let type: String
    /// The payload (`.null` when absent).
    let payload: JSONValue
    /// The `id` of the request this answers, if any.
    let replyTo: String?

    /// Parses a text message; nil when it is not a JSON object with a string `type`.
    init?(_ bytes: UnsafeRawBufferPointer) {
        guard let value = try? JSONParser.parse(bytes, maxDepth: 16), let type = value["type"]?.stringValue else {
            return nil
        }
        self.type = type
        payload = value["payload"] ?? .null
        replyTo = value["replyTo"]?.stringValue
    }

    /// `payload.code` of an error (`system.error`, `connection.error`), or "?".
    var errorCode: String { payload["code"]?.stringValue ?? "?" }

    /// `payload.message` of an error, or "".
    var errorMessage: String { payload["message"]?.stringValue ?? "" }

    /// `payload.retryAfterMs` of a `rate_limited` error.
    var retryAfterMs: Int? { payload["retryAfterMs"]?.int64Value.map { Int($0) } }
}
