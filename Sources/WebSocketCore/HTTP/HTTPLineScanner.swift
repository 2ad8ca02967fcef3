/// Finds CRLF-terminated lines in a growing buffer, remembering how far it has looked so that bytes arriving
/// one at a time are examined once (RFC 9112 section 2.2).
///
/// Strict about line endings: a bare LF, or a CR followed by anything but LF, is an error rather than a line
/// break, which closes the request-smuggling gap between lenient and strict parsers (RFC 9112 2.2, 11.2).
struct HTTPLineScanner: Sendable {
    /// What one call to `next` found.
    enum Step: Equatable {
        /// A complete line: bytes `[start, end)`, CRLF excluded.
        case line(start: Int, end: Int)
        /// No complete line before the end of the available (or allowed) bytes.
        case needMoreData
        /// An LF that is not preceded by CR.
        case bareLF
        /// A CR followed by something other than LF.
        case strayCR
    }

    /// The next byte to examine; equals the number of bytes consumed by complete lines, plus the current partial line.
    private(set) var position = 0
    /// Where the current (incomplete) line begins.
    private(set) var lineStart = 0

    /// Scans forward for the next line ending, looking no further than `limit` bytes from the start.
    mutating func next(_ bytes: UnsafeRawBufferPointer, limit: Int) -> Step {
        let end = min(bytes.count, limit)
        var i = position
        while i < end {
            let byte = bytes[i]
            if byte > HTTPSyntax.cr {
                i += 1
                continue
            }
            if byte == HTTPSyntax.lf { return .bareLF }
            if byte == HTTPSyntax.cr {
                guard i + 1 < end else { break }  // wait for the byte after CR
                guard bytes[i + 1] == HTTPSyntax.lf else { return .strayCR }
                let line = Step.line(start: lineStart, end: i)
                position = i + 2
                lineStart = position
                return line
            }
            i += 1
        }
        position = i
        return .needMoreData
    }

    /// Forgets everything scanned, for the next message.
    mutating func reset() {
        position = 0
        lineStart = 0
    }
}
