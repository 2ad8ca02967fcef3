/// `lobby:chat` payload from a client: `{"text": string}`, a message to everyone in the sender's lobby. The
/// envelope `id` is the idempotency key: a resend with the same `id` is stored once.
///
/// `text` is sanitized like a direct message's (`SendMessage.sanitize(_:)`) and holds 1 to ``maxTextLength``
/// Unicode scalars.
public struct SendLobbyMessage: Equatable, Sendable {
    /// The longest text, in Unicode scalars, after sanitizing.
    public static let maxTextLength = 500

    /// The sanitized text.
    public let text: String

    /// A lobby message; `text` is sanitized first.
    ///
    /// - Throws: `invalid_payload` (field `payload.text`) when nothing is left after sanitizing,
    ///   `payload_too_large` when more than ``maxTextLength`` scalars are.
    public init(text: String) throws(EventDecodingError) {
        self.text = try SendMessage.validatedText(text, maxLength: Self.maxTextLength)
    }
}

extension SendLobbyMessage: WirePayload {
    init(reading payload: PayloadReader) throws(EventDecodingError) {
        try self.init(text: payload.string("text"))
    }

    func write(to writer: inout JSONWriter) {
        writer.member("text", text)
    }
}
