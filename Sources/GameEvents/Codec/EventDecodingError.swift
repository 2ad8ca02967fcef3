/// Why an incoming message could not be turned into an event, in the shape of the `system.error` that answers it.
///
/// `message` starts with the field it is about (`payload.limit: must be an integer from 1 to 100`), `field` names
/// it alone (`payload.userId`, `payload.friends[2].status`, `id`, `type`; nil for a message that is not JSON), and
/// `id` is the envelope's `id` when it could be read, for the answer's `replyTo`.
public struct EventDecodingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The wire error code.
    public let code: WireErrorCode
    /// A human-readable explanation (not stable: clients switch on `code` and `field`).
    public let message: String
    /// The path of the offending field, if one is to blame.
    public let field: String?
    /// The envelope `id` of the message, when it was readable.
    public internal(set) var id: String?

    /// An error with every detail given.
    public init(code: WireErrorCode, message: String, field: String? = nil, id: String? = nil) {
        self.code = code
        self.message = message
        self.field = field
        self.id = id
    }

    /// `invalid_payload` for `field`, with the message `field: problem`.
    static func invalidPayload(_ field: String, _ problem: String) -> EventDecodingError {
        EventDecodingError(code: .invalidPayload, message: "\(field): \(problem)", field: field)
    }

    /// `code: message`, for logs.
    public var description: String { "\(code.rawValue): \(message)" }
}
