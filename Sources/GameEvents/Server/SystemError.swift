/// `system.error` payload: a request failed; the connection stays open (docs/protocol.md, "Errors").
public struct SystemError: Equatable, Sendable {
    /// The stable error code.
    public var code: WireErrorCode
    /// A human-readable explanation.
    public var message: String
    /// The offending field (`payload.userId`), when one is to blame.
    public var field: String?
    /// A machine-readable detail for `conflict`, `forbidden` and `not_found` (`lobby_full`, `game_not_found`, see
    /// ``LobbyErrorReason`` and ``GameErrorReason``); clients switch on `code` and `reason`, never on `message`.
    public var reason: String?
    /// For `rate_limited`: when to retry, in milliseconds.
    public var retryAfterMs: Int64?

    /// An error with the given details.
    public init(code: WireErrorCode, message: String, field: String? = nil, reason: String? = nil,
                retryAfterMs: Int64? = nil) {
        self.code = code
        self.message = message
        self.field = field
        self.reason = reason
        self.retryAfterMs = retryAfterMs
    }

    /// The answer to a message that could not be decoded (send it with `replyTo: error.id`).
    public init(_ error: EventDecodingError) {
        self.init(code: error.code, message: error.message, field: error.field)
    }
}

extension SystemError: WirePayload {
    init(reading payload: PayloadReader) throws(EventDecodingError) {
        code = try payload.enumeration("code")
        message = try payload.string("message")
        field = try payload.stringIfPresent("field")
        reason = try payload.stringIfPresent("reason")
        retryAfterMs = try payload.integerIfPresent("retryAfterMs", in: 0...Int64.max)
    }

    func write(to writer: inout JSONWriter) {
        writer.member("code", code.rawValue)
        writer.member("message", message)
        writer.member("field", ifPresent: field)
        writer.member("reason", ifPresent: reason)
        writer.member("retryAfterMs", ifPresent: retryAfterMs)
    }
}
