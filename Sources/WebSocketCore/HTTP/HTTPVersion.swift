/// Recognition of `HTTP-version = "HTTP/" DIGIT "." DIGIT` (RFC 9112 section 2.3).
enum HTTPVersion {
    /// What a version field turned out to be.
    enum Parsed: Equatable {
        /// HTTP/1.0 or HTTP/1.1, with its minor digit.
        case minor(Int)
        /// Well-formed enough to be a version, but not 1.0 or 1.1 (e.g. `HTTP/2.0`, `HTTP/1.2`): 505.
        case unsupported
        /// Not an HTTP version at all: 400.
        case malformed
    }

    /// The fixed `HTTP-name "/"` part.
    private static let prefix: [UInt8] = Array("HTTP/".utf8)

    /// Classifies bytes `[start, end)`.
    static func parse(_ bytes: UnsafeRawBufferPointer, _ start: Int, _ end: Int) -> Parsed {
        guard end - start > prefix.count else { return .malformed }
        for k in 0..<prefix.count where bytes[start + k] != prefix[k] { return .malformed }
        let rest = start + prefix.count
        if end - rest == 3 && bytes[rest] == UInt8(ascii: "1") && bytes[rest + 1] == UInt8(ascii: ".") {
            switch bytes[rest + 2] {
            case UInt8(ascii: "0"): return .minor(0)
            case UInt8(ascii: "1"): return .minor(1)
            default: break
            }
        }
        // Digits and dots starting with a digit look like some other version: answer 505, not 400.
        guard isDigit(bytes[rest]) else { return .malformed }
        for i in rest..<end where !(isDigit(bytes[i]) || bytes[i] == UInt8(ascii: ".")) { return .malformed }
        return .unsupported
    }

    /// Whether `byte` is an ASCII digit.
    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
