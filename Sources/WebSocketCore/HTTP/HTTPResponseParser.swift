/// An incremental HTTP/1.x response-head parser for clients (the load tool, tests). Same contract as
/// `HTTPRequestParser`: pass all unconsumed bytes from the start of the response each time; it remembers how
/// far it scanned and resets itself after returning a result.
public struct HTTPResponseParser: Sendable {
    /// The largest head accepted, in bytes.
    public let maxHeaderBytes: Int
    private var scanner = HTTPLineScanner()
    private var status: Int? = nil
    private var reason = ""
    private var fields: [(String, String)] = []

    /// Creates a parser refusing heads larger than `maxHeaderBytes`.
    public init(maxHeaderBytes: Int = 16384) {
        self.maxHeaderBytes = maxHeaderBytes
    }

    /// Parses as far as `bytes` allow.
    public mutating func parse(_ bytes: UnsafeRawBufferPointer) -> HTTPResponseParseResult {
        if bytes.count < scanner.position { reset() }
        while true {
            switch scanner.next(bytes, limit: maxHeaderBytes) {
            case .needMoreData:
                return bytes.count > maxHeaderBytes ? fail("response head too large") : .needMoreData
            case .bareLF:
                return fail("bare LF line ending")
            case .strayCR:
                return fail("CR not followed by LF")
            case .line(let start, let end):
                if let result = consumeLine(bytes, start, end) { return result }
            }
        }
    }

    /// Forgets any partial response.
    public mutating func reset() {
        self = HTTPResponseParser(maxHeaderBytes: maxHeaderBytes)
    }

    /// Handles one complete line; returns a result when the head is finished or broken.
    private mutating func consumeLine(
        _ bytes: UnsafeRawBufferPointer, _ start: Int, _ end: Int
    ) -> HTTPResponseParseResult? {
        guard status != nil else {
            if let reason = parseStatusLine(bytes, start, end) { return fail(reason) }
            return nil
        }
        if start == end {
            let head = HTTPResponseHead(status: status ?? 0, reason: reason, headers: HTTPHeaders(fields))
            let length = scanner.position
            reset()
            return .head(head, headerLength: length)
        }
        switch HTTPFieldLine.parse(bytes, start, end) {
        case .success(let field):
            fields.append(field)
            return nil
        case .failure(let failure):
            return fail(failure.description)
        }
    }

    /// Parses `HTTP/1.x SP 3DIGIT [SP reason]` (RFC 9112 4; a missing SP before an empty reason is tolerated).
    /// Returns a failure reason, or nil on success.
    private mutating func parseStatusLine(_ bytes: UnsafeRawBufferPointer, _ start: Int, _ end: Int) -> String? {
        guard end - start >= 12, case .minor = HTTPVersion.parse(bytes, start, start + 8) else {
            return "malformed status line"
        }
        guard bytes[start + 8] == HTTPSyntax.sp else { return "malformed status line" }
        var code = 0
        for i in (start + 9)..<(start + 12) {
            let byte = bytes[i]
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return "malformed status code" }
            code = code * 10 + Int(byte - UInt8(ascii: "0"))
        }
        guard code >= 100 else { return "malformed status code" }
        if end > start + 12 {
            guard bytes[start + 12] == HTTPSyntax.sp else { return "malformed status line" }
            for i in (start + 13)..<end where !HTTPSyntax.isFieldValueChar(bytes[i]) {
                return "invalid character in reason phrase"
            }
            reason = HTTPSyntax.string(bytes, start + 13, end)
        }
        status = code
        return nil
    }

    /// Resets and reports `reason`.
    private mutating func fail(_ reason: String) -> HTTPResponseParseResult {
        reset()
        return .failure(reason)
    }
}
