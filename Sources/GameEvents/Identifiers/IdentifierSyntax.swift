/// The rule every string identifier (user, lobby, game) follows: 1 to 64 Unicode scalars, none of them whitespace
/// (Unicode White_Space), a control character (Cc) or a format character (Cf: bidirectional overrides,
/// zero-width spaces and joiners), so an identifier prints as what it is and cannot hide in a log line.
enum IdentifierSyntax {
    /// The longest identifier, in Unicode scalars.
    static let maxLength = 64

    /// Whether `text` is a valid identifier.
    static func isValid(_ text: String) -> Bool {
        let utf8 = text.utf8
        // Fast path: printable ASCII (0x21-0x7E), which is what ids almost always are.
        if utf8.count <= maxLength, !utf8.isEmpty, utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) { return true }
        var length = 0
        for scalar in text.unicodeScalars {
            length += 1
            guard length <= maxLength, isAllowed(scalar) else { return false }
        }
        return length > 0
    }

    /// Whether `scalar` may appear in an identifier.
    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        if properties.isWhitespace { return false }
        switch properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .spaceSeparator: return false
        default: return true
        }
    }

    /// The explanation used in error messages.
    static let requirement = "1-64 characters without whitespace or control characters"
}
