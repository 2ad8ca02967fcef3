/// A strict RFC 8259 JSON parser over UTF-8 bytes.
///
/// Accepts exactly one value surrounded by optional whitespace (space, tab, LF, CR: section 2) and refuses
/// everything the RFC does not allow: trailing commas, comments, single quotes, `NaN`/`Infinity`, leading zeros,
/// `+1`, `.5`, unescaped control characters in strings, invalid escapes, unpaired `\u` surrogates (section 8.2),
/// ill-formed UTF-8 (section 8.1: overlong forms, encoded surrogates, code points above U+10FFFF) and a byte order
/// mark. Where the RFC leaves a choice to the implementation we take the strict one: duplicate member names are
/// refused (section 4), numbers whose magnitude overflows `Double` are refused (section 6), and nesting is
/// limited by `maxDepth`.
///
/// One pass over the bytes, no Foundation. Strings without escapes become a `String` straight from their bytes
/// (ASCII is skipped eight bytes at a time); strings with escapes are unescaped into one reused scratch buffer.
/// Integers are read exactly; other numbers take Clinger's exact fast path when they can and the C library's
/// correctly rounded `strtod` (through `Double.init(_:)`) otherwise.
public struct JSONParser {
    /// The input.
    let base: UnsafeRawPointer
    /// The input's length in bytes.
    let count: Int
    /// The offset of the next byte to read.
    var index = 0
    /// How many arrays and objects enclose the current position.
    var depth = 0
    /// The deepest nesting allowed.
    let maxDepth: Int
    /// Unescaped bytes of the current string, reused across strings.
    var scratch: [UInt8] = []

    /// A parser at the start of `count` bytes at `base`.
    private init(base: UnsafeRawPointer, count: Int, maxDepth: Int) {
        self.base = base
        self.count = count
        self.maxDepth = maxDepth
    }

    /// Parses `bytes` as one JSON text.
    ///
    /// - Parameter maxDepth: how deeply arrays and objects may nest; `[[1]]` has depth 2, a scalar depth 0.
    /// - Throws: ``JSONError`` with the offset of the first offending byte.
    public static func parse(_ bytes: UnsafeRawBufferPointer, maxDepth: Int = 32) throws(JSONError) -> JSONValue {
        guard let base = bytes.baseAddress else { throw JSONError(offset: 0, reason: .unexpectedEnd) }
        var parser = JSONParser(base: base, count: bytes.count, maxDepth: maxDepth)
        let value = try parser.parseValue()
        parser.skipWhitespace()
        guard parser.index == parser.count else { throw parser.error(.trailingData) }
        return value
    }

    /// Parses the bytes of an array (convenience for tests and tools).
    public static func parse(_ bytes: [UInt8], maxDepth: Int = 32) throws(JSONError) -> JSONValue {
        // withUnsafeBytes rethrows untyped errors, so the typed result is carried out in a Result.
        let result = bytes.withUnsafeBytes { raw in
            Result { () throws(JSONError) in try parse(raw, maxDepth: maxDepth) }
        }
        return try result.get()
    }

    /// Parses the UTF-8 of a string (convenience for tests and tools).
    public static func parse(_ text: String, maxDepth: Int = 32) throws(JSONError) -> JSONValue {
        try parse(Array(text.utf8), maxDepth: maxDepth)
    }

    /// The byte at `offset` (which must be below `count`).
    @inline(__always) func byte(_ offset: Int) -> UInt8 {
        base.load(fromByteOffset: offset, as: UInt8.self)
    }

    /// An error at the current position.
    func error(_ reason: JSONError.Reason) -> JSONError {
        JSONError(offset: index, reason: reason)
    }

    /// Skips JSON whitespace (RFC 8259 section 2: space, horizontal tab, line feed, carriage return).
    @inline(__always) mutating func skipWhitespace() {
        while index < count {
            switch byte(index) {
            case 0x20, 0x09, 0x0A, 0x0D: index &+= 1
            default: return
            }
        }
    }

    /// Reads one value starting at the next non-whitespace byte.
    mutating func parseValue() throws(JSONError) -> JSONValue {
        skipWhitespace()
        guard index < count else { throw error(.unexpectedEnd) }
        switch byte(index) {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw error(.expectedValue)
        }
    }

    /// Consumes `literal` (`true`, `false` or `null`) exactly.
    mutating func expectLiteral(_ literal: StaticString) throws(JSONError) {
        let length = literal.utf8CodeUnitCount
        let start = literal.utf8Start
        for offset in 0..<length {
            guard index &+ offset < count else { throw JSONError(offset: count, reason: .unexpectedEnd) }
            guard byte(index &+ offset) == start[offset] else {
                throw JSONError(offset: index &+ offset, reason: .invalidLiteral)
            }
        }
        index &+= length
    }
}
