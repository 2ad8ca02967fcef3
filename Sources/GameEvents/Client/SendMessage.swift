/// `chat:send_message` payload: `{"to": userId, "text": string}`.
///
/// `text` is always sanitized (see ``sanitize(_:)``) and holds 1 to ``maxTextLength`` Unicode scalars. Length is
/// counted in scalars (code points), not grapheme clusters: the count does not depend on the Unicode version's
/// segmentation rules, and it bounds the stored size (at most 4 bytes per scalar), which clusters do not (one
/// cluster can carry any number of combining marks). In JavaScript, `[...text].length` counts the same way.
public struct SendMessage: Equatable, Sendable {
    /// The longest text, in Unicode scalars, after sanitizing.
    public static let maxTextLength = 2000

    /// The recipient.
    public let to: UserID
    /// The sanitized text.
    public let text: String

    /// A message to `to`; `text` is sanitized first.
    ///
    /// - Throws: `invalid_payload` (field `payload.text`) when nothing is left after sanitizing,
    ///   `payload_too_large` when more than ``maxTextLength`` scalars are.
    public init(to: UserID, text: String) throws(EventDecodingError) {
        self.to = to
        self.text = try Self.validatedText(text)
    }

    /// Sanitizes `text` and checks its length against `maxLength` (``maxTextLength`` for direct messages).
    static func validatedText(_ text: String, maxLength: Int = maxTextLength) throws(EventDecodingError) -> String {
        let clean = sanitize(text)
        if clean.isEmpty {
            throw .invalidPayload("payload.text", "must not be empty (after removing control characters and "
                + "surrounding whitespace)")
        }
        // A scalar takes at least one byte, so short texts need no scalar count.
        if clean.utf8.count > maxLength && clean.unicodeScalars.count > maxLength {
            throw EventDecodingError(
                code: .payloadTooLarge,
                message: "payload.text: must be at most \(maxLength) characters (Unicode scalars)",
                field: "payload.text")
        }
        return clean
    }
}

extension SendMessage: WirePayload {
    init(reading payload: PayloadReader) throws(EventDecodingError) {
        let to = try payload.userID("to")
        let text = try payload.string("text")
        try self.init(to: to, text: text)
    }

    func write(to writer: inout JSONWriter) {
        writer.member("to", to.rawValue)
        writer.member("text", text)
    }
}
