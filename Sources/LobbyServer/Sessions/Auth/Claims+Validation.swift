import GameEvents

/// The value rules every accepted token's claims follow; the verifier maps a broken rule to `token_claims`,
/// the token command shows the reason.
extension Claims {
    /// Longest display name, in characters (grapheme clusters).
    static let maxUsernameCharacters = 32
    /// Longest display name in UTF-8 bytes: bounds names built from very long grapheme clusters.
    static let maxUsernameBytes = 128
    /// Longest email address in UTF-8 bytes (RFC 5321's path limit).
    static let maxEmailBytes = 254

    /// Why these claims are unacceptable, or nil when they are fine. Times are not checked here.
    var invalidReason: String? {
        // The same rule as every user id on the wire (GameEvents.UserID), so a token the verifier accepts always
        // names a user the server can address.
        if UserID(validating: sub) == nil {
            return "sub must be a user id: 1-64 characters without whitespace, control or format characters"
        }
        if username.isEmpty || username.count > Self.maxUsernameCharacters
            || username.utf8.count > Self.maxUsernameBytes || Self.containsControl(username)
            || username != Self.trimmed(username) {
            return "username must be 1-\(Self.maxUsernameCharacters) characters, without control characters "
                + "or surrounding whitespace"
        }
        if let email, email.utf8.count > Self.maxEmailBytes || !email.contains("@") || Self.containsControl(email)
            || email.contains(where: \.isWhitespace) {
            return "email must be an address of at most \(Self.maxEmailBytes) bytes"
        }
        return nil
    }

    /// `text` without leading and trailing whitespace (the verifier trims `username` before checking it).
    static func trimmed(_ text: String) -> String {
        guard let first = text.firstIndex(where: { !$0.isWhitespace }),
              let last = text.lastIndex(where: { !$0.isWhitespace })
        else { return "" }
        return String(text[first...last])
    }

    /// Whether `text` holds a control character (Unicode Cc), a line or paragraph separator, or a bidirectional
    /// control (which can make a name display as something else).
    static func containsControl(_ text: String) -> Bool {
        text.unicodeScalars.contains { scalar in
            switch scalar.properties.generalCategory {
            case .control, .lineSeparator, .paragraphSeparator: true
            default: scalar.properties.isBidiControl
            }
        }
    }
}
