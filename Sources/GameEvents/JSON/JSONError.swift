/// Why ``JSONParser`` refused its input, and where.
public struct JSONError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What was wrong.
    public enum Reason: Equatable, Sendable {
        /// The input ended inside a value (or was empty, or only whitespace).
        case unexpectedEnd
        /// A value was expected here: a byte that starts none (e.g. `]` after `,`, `'`, `N` of `NaN`).
        case expectedValue
        /// `true`, `false` or `null` misspelled (the literals are case-sensitive).
        case invalidLiteral
        /// An object member name must be a string here (e.g. a trailing comma: `{"a":1,}`).
        case expectedMemberName
        /// A `:` must follow a member name.
        case expectedColon
        /// After a member, only `,` or `}` may follow.
        case expectedCommaOrObjectEnd
        /// After an element, only `,` or `]` may follow.
        case expectedCommaOrArrayEnd
        /// A number does not follow the RFC 8259 section 6 grammar (e.g. `1.`, `.5`, `+1`, `1e`, `-`).
        case invalidNumber
        /// A number with a leading zero, such as `01` or `-00` (RFC 8259 section 6).
        case leadingZero
        /// A number too large for a `Double` (its magnitude rounds to infinity), e.g. `1e400`.
        case numberOutOfRange
        /// A byte below 0x20 inside a string: control characters must be escaped (RFC 8259 section 7).
        case controlCharacterInString
        /// A backslash followed by anything but `"` `\` `/` `b` `f` `n` `r` `t` `u`.
        case invalidEscape
        /// `\u` not followed by four hexadecimal digits.
        case invalidUnicodeEscape
        /// A `\u` escape of a UTF-16 surrogate that is not part of a high-low pair (RFC 8259 section 8.2).
        case loneSurrogate
        /// Bytes that are not well-formed UTF-8 (RFC 3629; RFC 8259 section 8.1).
        case invalidUTF8
        /// An object names the same member twice (after unescaping).
        case duplicateMemberName(String)
        /// Arrays and objects nest deeper than the limit given to the parser.
        case tooDeep(limit: Int)
        /// Something other than whitespace follows the value (RFC 8259 section 2: one value per text).
        case trailingData
    }

    /// The offset of the offending byte from the start of the input (the input's length for an early end).
    public let offset: Int
    /// What was wrong.
    public let reason: Reason

    /// An error at `offset`.
    public init(offset: Int, reason: Reason) {
        self.offset = offset
        self.reason = reason
    }

    /// For example `invalid JSON at byte 7: expected ',' or '}'`.
    public var description: String { "invalid JSON at byte \(offset): \(reason)" }
}

extension JSONError.Reason: CustomStringConvertible {
    /// A short explanation for error messages.
    public var description: String {
        switch self {
        case .unexpectedEnd: return "unexpected end of input"
        case .expectedValue: return "expected a value"
        case .invalidLiteral: return "expected true, false or null"
        case .expectedMemberName: return "expected a member name in double quotes"
        case .expectedColon: return "expected ':'"
        case .expectedCommaOrObjectEnd: return "expected ',' or '}'"
        case .expectedCommaOrArrayEnd: return "expected ',' or ']'"
        case .invalidNumber: return "malformed number"
        case .leadingZero: return "numbers must not have leading zeros"
        case .numberOutOfRange: return "number out of range"
        case .controlCharacterInString: return "control characters in strings must be escaped"
        case .invalidEscape: return "invalid escape sequence"
        case .invalidUnicodeEscape: return "\\u must be followed by four hexadecimal digits"
        case .loneSurrogate: return "unpaired UTF-16 surrogate in \\u escape"
        case .invalidUTF8: return "invalid UTF-8"
        case .duplicateMemberName(let name): return "duplicate member name \"\(name.prefix(64))\""
        case .tooDeep(let limit): return "nested deeper than \(limit) levels"
        case .trailingData: return "unexpected data after the value"
        }
    }
}
