/// Parsing of one `field-name ":" OWS field-value OWS` line (RFC 9112 section 5), shared by the request and
/// response parsers.
enum HTTPFieldLine {
    /// Why a field line was refused.
    enum Failure: Error, CustomStringConvertible {
        /// The line starts with SP or HTAB: obsolete line folding (RFC 9112 5.2), or whitespace after the start-line.
        case obsoleteFold
        /// The name is empty or has a non-token character.
        case invalidName
        /// Whitespace between the name and the colon (RFC 9112 5.1 requires rejecting it).
        case whitespaceBeforeColon
        /// A control character (other than HTAB) or DEL in the value.
        case invalidValue

        /// A short reason for a 400 response or a log line.
        var description: String {
            switch self {
            case .obsoleteFold: return "obsolete line folding"
            case .invalidName: return "invalid field name"
            case .whitespaceBeforeColon: return "whitespace before colon"
            case .invalidValue: return "invalid character in field value"
            }
        }
    }

    /// Parses bytes `[start, end)` (CRLF excluded, `start < end`) into a `(name, value)` pair, building each
    /// String once. The value is trimmed of surrounding OWS.
    static func parse(_ bytes: UnsafeRawBufferPointer, _ start: Int, _ end: Int) -> Result<(String, String), Failure> {
        if HTTPSyntax.isOWS(bytes[start]) { return .failure(.obsoleteFold) }
        var colon = start
        while colon < end && HTTPSyntax.isTokenChar(bytes[colon]) { colon += 1 }
        guard colon < end, bytes[colon] == HTTPSyntax.colon else {
            if colon > start && colon < end && HTTPSyntax.isOWS(bytes[colon]) {
                return .failure(.whitespaceBeforeColon)
            }
            return .failure(.invalidName)
        }
        guard colon > start else { return .failure(.invalidName) }
        var valueStart = colon + 1
        var valueEnd = end
        while valueStart < valueEnd && HTTPSyntax.isOWS(bytes[valueStart]) { valueStart += 1 }
        while valueEnd > valueStart && HTTPSyntax.isOWS(bytes[valueEnd - 1]) { valueEnd -= 1 }
        for i in valueStart..<valueEnd where !HTTPSyntax.isFieldValueChar(bytes[i]) {
            return .failure(.invalidValue)
        }
        return .success((HTTPSyntax.string(bytes, start, colon), HTTPSyntax.string(bytes, valueStart, valueEnd)))
    }
}
