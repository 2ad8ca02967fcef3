/// Strings, escaped per RFC 8259 section 7.
extension JSONWriter {
    /// Writes a string value. Escapes `"`, `\` and every control character below U+0020 (with the short forms
    /// `\b \f \n \r \t` where they exist, `\u00XX` otherwise), and also U+2028 and U+2029, which are legal in JSON
    /// but end a line in JavaScript source before ES2019, so the text stays safe to embed in a script.
    public mutating func string(_ value: String) {
        separate()
        var value = value
        value.withUTF8 { utf8 in appendEscaped(utf8) }
        valueWritten()
    }

    /// Writes `"name":"value"` in one append when `utf8` is at most ``maxScratchString`` bytes of printable ASCII
    /// without `"` or `\` (ids, enumeration values); returns false, having written nothing, otherwise.
    mutating func appendPlainMember(_ name: StaticString, _ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        guard utf8.count <= Self.maxScratchString, Self.isPlain(utf8) else { return false }
        let comma = needsComma
        appendScratch { cursor in
            cursor.putKey(name, comma: comma)
            cursor.put(UInt8(ascii: "\""))
            cursor.put(utf8)
            cursor.put(UInt8(ascii: "\""))
        }
        valueWritten()
        return true
    }

    /// Whether `utf8` is printable ASCII without `"` or `\` (nothing to escape).
    @inline(__always) private static func isPlain(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = utf8.baseAddress else { return true }
        var index = skipPlainASCII(base, from: 0, count: utf8.count)
        while index < utf8.count {
            let byte = base[index]
            guard byte >= 0x20, byte < 0x80, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\") else { return false }
            index &+= 1
        }
        return true
    }

    /// Appends `"`, the escaped UTF-8, `"`. Unescaped runs are copied in one piece.
    private mutating func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        bytes.append(UInt8(ascii: "\""))
        guard let base = utf8.baseAddress else {
            bytes.append(UInt8(ascii: "\""))
            return
        }
        let count = utf8.count
        var runStart = 0
        var index = 0
        while index < count {
            index = Self.skipPlainASCII(base, from: index, count: count)
            guard index < count else { break }
            let byte = base[index]
            if byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") && byte != 0xE2 {
                index &+= 1
                continue
            }
            if byte == 0xE2 {
                // U+2028 is E2 80 A8 and U+2029 is E2 80 A9; other scalars starting with E2 pass through.
                guard index &+ 2 < count, base[index &+ 1] == 0x80, base[index &+ 2] & 0xFE == 0xA8 else {
                    index &+= 1
                    continue
                }
                appendRun(base, from: runStart, to: index)
                appendASCII(base[index &+ 2] == 0xA8 ? "\\u2028" : "\\u2029")
                index &+= 3
            } else {
                appendRun(base, from: runStart, to: index)
                appendEscape(for: byte)
                index &+= 1
            }
            runStart = index
        }
        appendRun(base, from: runStart, to: count)
        bytes.append(UInt8(ascii: "\""))
    }

    /// Appends the escape sequence for `"`, `\` or a control character.
    private mutating func appendEscape(for byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): appendASCII("\\\"")
        case UInt8(ascii: "\\"): appendASCII("\\\\")
        case 0x08: appendASCII("\\b")
        case 0x0C: appendASCII("\\f")
        case 0x0A: appendASCII("\\n")
        case 0x0D: appendASCII("\\r")
        case 0x09: appendASCII("\\t")
        default:
            appendASCII("\\u00")
            let hex: StaticString = "0123456789abcdef"
            bytes.append(hex.utf8Start[Int(byte >> 4)])
            bytes.append(hex.utf8Start[Int(byte & 0x0F)])
        }
    }

    /// Appends `base[start..<end]` in one copy.
    @inline(__always) private mutating func appendRun(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int) {
        if end > start { bytes.append(contentsOf: UnsafeBufferPointer(start: base + start, count: end &- start)) }
    }

    /// The first offset at or after `index` whose 8-byte word holds a byte that may need escaping (a control,
    /// `"`, `\`, or any non-ASCII byte); SWAR as in the parser.
    @inline(__always) private static func skipPlainASCII(_ base: UnsafePointer<UInt8>, from index: Int, count: Int)
        -> Int
    {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        var index = index
        while index &+ 8 <= count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            let quotes = word ^ (ones &* 0x22)
            let backslashes = word ^ (ones &* 0x5C)
            let special = ((quotes &- ones) & ~quotes) | ((backslashes &- ones) & ~backslashes)
                | ((word &- ones &* 0x20) & ~word) | word
            if special & highs != 0 { return index }
            index &+= 8
        }
        return index
    }
}
