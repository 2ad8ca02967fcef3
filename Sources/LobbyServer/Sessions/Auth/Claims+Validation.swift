/// The value rules every accepted token's claims follow; the verifier maps a broken rule to `token_claims`,
/// the token command shows the reason.
extension Claims {
    /// Longest display name, in characters (grapheme clusters).
    static let maxUsernameCharacters = 32
    /// Longest display name in UTF-8 bytes: bounds names built from very long grapheme clusters.
    static let maxUsernameBytes = 128
    /// Longest user id in UTF-8 bytes.
    static let maxSubjectBytes = 255
    /// Longest email address in UTF-8 bytes (RFC 5321's path limit).
    static let maxEmailBytes = 254

    /// Why these claims are unacceptable, or nil when they are fine. Times are not checked here.
    var invalidReason: String? {
        if sub.isEmpty || sub.utf8.count > Self.maxSubjectBytes || Self.containsControl(sub)
            || sub.allSatisfy(\.isWhitespace) {
            return "sub must be 1-\(Self.maxSubjectBytes) bytes without control characters"
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
