/// Strings (RFC 8259 section 7).
extension JSONParser {
    /// Reads a string; the current byte is the opening `"`. Leaves `index` after the closing quote.
    mutating func parseString() throws(JSONError) -> String {
        index &+= 1
        let start = index
        while true {
            skipPlainASCII()
            guard index < count else { throw error(.unexpectedEnd) }
            let byte = byte(index)
            switch byte {
            case UInt8(ascii: "\""):
                let text = makeString(from: start, to: index)
                index &+= 1
                return text
            case UInt8(ascii: "\\"):
                return try parseEscapedString(from: start)
            case 0x00..<0x20:
                throw error(.controlCharacterInString)
            case 0x80...:
                try skipMultibyteScalar()
            default:
                index &+= 1
            }
        }
    }

    /// Finishes a string that has escapes: copies what was read so far into `scratch`, then unescapes the rest.
    private mutating func parseEscapedString(from start: Int) throws(JSONError) -> String {
        scratch.removeAll(keepingCapacity: true)
        appendToScratch(from: start, to: index)
        while true {
            // At a backslash.
            try appendEscape()
            let runStart = index
            while true {
                skipPlainASCII()
                guard index < count else { throw error(.unexpectedEnd) }
                let byte = byte(index)
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { break }
                if byte < 0x20 { throw error(.controlCharacterInString) }
                if byte >= 0x80 { try skipMultibyteScalar() } else { index &+= 1 }
            }
            appendToScratch(from: runStart, to: index)
            if byte(index) == UInt8(ascii: "\"") {
                index &+= 1
                return String(decoding: scratch, as: UTF8.self)
            }
        }
    }

    /// Decodes the escape at `index` (a backslash) into `scratch`.
    private mutating func appendEscape() throws(JSONError) {
        guard index &+ 1 < count else { throw JSONError(offset: count, reason: .unexpectedEnd) }
        let replacement: UInt8
        switch byte(index &+ 1) {
        case UInt8(ascii: "\""): replacement = UInt8(ascii: "\"")
        case UInt8(ascii: "\\"): replacement = UInt8(ascii: "\\")
        case UInt8(ascii: "/"): replacement = UInt8(ascii: "/")
        case UInt8(ascii: "b"): replacement = 0x08
        case UInt8(ascii: "f"): replacement = 0x0C
        case UInt8(ascii: "n"): replacement = 0x0A
        case UInt8(ascii: "r"): replacement = 0x0D
        case UInt8(ascii: "t"): replacement = 0x09
        case UInt8(ascii: "u"):
            appendScalar(try readUnicodeEscape())
            return
        default:
            throw error(.invalidEscape)
        }
        scratch.append(replacement)
        index &+= 2
    }

    /// Reads `\uXXXX`, or a `\uD8xx\uDCxx` surrogate pair (RFC 8259 section 7), at `index`.
    private mutating func readUnicodeEscape() throws(JSONError) -> Unicode.Scalar {
        let escapeStart = index
        let unit = try readHex4(at: index &+ 2)
        index &+= 6
        switch unit {
        case 0xD800...0xDBFF:
            guard index &+ 1 < count, byte(index) == UInt8(ascii: "\\"), byte(index &+ 1) == UInt8(ascii: "u")
            else { throw JSONError(offset: escapeStart, reason: .loneSurrogate) }
            let low = try readHex4(at: index &+ 2)
            guard (0xDC00...0xDFFF).contains(low) else { throw JSONError(offset: escapeStart, reason: .loneSurrogate) }
            index &+= 6
            let value = 0x10000 &+ ((UInt32(unit) &- 0xD800) &<< 10) &+ (UInt32(low) &- 0xDC00)
            return Unicode.Scalar(value)!  // in 0x10000...0x10FFFF by construction
        case 0xDC00...0xDFFF:
            throw JSONError(offset: escapeStart, reason: .loneSurrogate)
        default:
            return Unicode.Scalar(unit)!  // not a surrogate, so a scalar
        }
    }

    /// Four hexadecimal digits at `offset`.
    private func readHex4(at offset: Int) throws(JSONError) -> UInt16 {
        var value: UInt16 = 0
        for position in offset..<(offset &+ 4) {
            guard position < count else { throw JSONError(offset: count, reason: .unexpectedEnd) }
            let digit: UInt8
            switch byte(position) {
            case let byte where byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"): digit = byte &- 0x30
            case let byte where byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f"): digit = byte &- 0x57
            case let byte where byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "F"): digit = byte &- 0x37
            default: throw JSONError(offset: position, reason: .invalidUnicodeEscape)
            }
            value = value &<< 4 | UInt16(digit)
        }
        return value
    }

    /// Appends the UTF-8 encoding of `scalar` to `scratch`.
    private mutating func appendScalar(_ scalar: Unicode.Scalar) {
        for unit in UTF8.encode(scalar)! { scratch.append(unit) }
    }

    /// Appends input bytes `start..<end` to `scratch` in one copy.
    private mutating func appendToScratch(from start: Int, to end: Int) {
        guard end > start else { return }
        scratch.append(contentsOf: UnsafeRawBufferPointer(start: base + start, count: end &- start))
    }

    /// A `String` from input bytes `start..<end`, which are known to be valid UTF-8.
    private func makeString(from start: Int, to end: Int) -> String {
        String(decoding: UnsafeRawBufferPointer(start: base + start, count: end &- start), as: UTF8.self)
    }

    /// Advances over bytes that need no attention inside a string: ASCII other than `"`, `\` and controls.
    /// Eight bytes at a time while a whole word qualifies (SWAR: "Bit Twiddling Hacks", haszero/hasless).
    @inline(__always) private mutating func skipPlainASCII() {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        while index &+ 8 <= count {
            let word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            let quotes = word ^ (ones &* 0x22)
            let backslashes = word ^ (ones &* 0x5C)
            let zeroQuote = (quotes &- ones) & ~quotes
            let zeroBackslash = (backslashes &- ones) & ~backslashes
            let control = (word &- ones &* 0x20) & ~word
            if (zeroQuote | zeroBackslash | control | word) & highs != 0 { return }
            index &+= 8
        }
    }
}
