/// An incremental, strict HTTP/1.x request-head parser (RFC 9112). Pure: bytes in, a result out.
///
/// Call `parse` with all unconsumed bytes from the start of the request, again with more bytes appended while it
/// returns `.needMoreData`. It remembers how far it has scanned, so each byte is examined once however the
/// input is split, and each complete line is parsed as soon as its CRLF arrives (errors surface early).
/// After returning `.head` or `.failure` it resets itself for the next request on the connection.
///
/// Strictness, by design (request smuggling lives in leniency, RFC 9112 section 11.2):
/// - request-line `method SP origin-form SP HTTP/1.x CRLF`; absolute-form and `*` are 400;
/// - field lines `name ":" OWS value OWS CRLF`; whitespace before the colon, obs-fold, bare LF, stray CR and
///   control characters are 400;
/// - HTTP/1.1 without exactly one Host is 400; `Content-Length` must be digits and agree when repeated;
///   `Transfer-Encoding` is 501 alone and 400 with `Content-Length`; versions other than 1.0/1.1 are 505;
/// - up to `maxLeadingEmptyLines` CRLFs before the request-line are ignored (RFC 9112 2.2).
public struct HTTPRequestParser: Sendable {
    /// How many empty lines before the request-line are tolerated (RFC 9112 2.2 asks for at least one).
    public static let maxLeadingEmptyLines = 4

    /// Where the parser is within the head.
    private enum Stage: Sendable {
        /// Skipping empty lines, then expecting the request-line.
        case requestLine
        /// Reading field lines until the empty line.
        case fields
    }

    /// The largest head accepted, in bytes, counting leading empty lines and the final CRLF.
    public let maxHeaderBytes: Int
    private var scanner = HTTPLineScanner()
    private var stage = Stage.requestLine
    private var emptyLines = 0
    private var method = ""
    private var target = ""
    private var versionMinor = 1
    private var fields: [(String, String)] = []

    /// Creates a parser refusing heads larger than `maxHeaderBytes` with 431.
    public init(maxHeaderBytes: Int = 8192) {
        self.maxHeaderBytes = maxHeaderBytes
    }

    /// Parses as far as `bytes` allow. `bytes` must begin with the bytes passed before (a shorter buffer
    /// restarts the parse). Returns `.failure(.headersTooLarge)` as soon as more than `maxHeaderBytes` bytes
    /// have arrived without the end of the head.
    public mutating func parse(_ bytes: UnsafeRawBufferPointer) -> HTTPParseResult {
        if bytes.count < scanner.position { reset() }
        while true {
            switch scanner.next(bytes, limit: maxHeaderBytes) {
            case .needMoreData:
                return bytes.count > maxHeaderBytes ? fail(.headersTooLarge) : .needMoreData
            case .bareLF:
                return fail(.badRequest("bare LF line ending"))
            case .strayCR:
                return fail(.badRequest("CR not followed by LF"))
            case .line(let start, let end):
                if let result = consumeLine(bytes, start, end) { return result }
            }
        }
    }

    /// Forgets any partial request.
    public mutating func reset() {
        self = HTTPRequestParser(maxHeaderBytes: maxHeaderBytes)
    }

    /// Handles one complete line; returns a result when the head is finished or broken.
    private mutating func consumeLine(_ bytes: UnsafeRawBufferPointer, _ start: Int, _ end: Int) -> HTTPParseResult? {
        switch stage {
        case .requestLine:
            if start == end {
                emptyLines += 1
                return emptyLines > Self.maxLeadingEmptyLines ? fail(.badRequest("too many empty lines")) : nil
            }
            if let error = parseRequestLine(bytes, start, end) { return fail(error) }
            stage = .fields
            return nil
        case .fields:
            if start == end { return finish(headerLength: scanner.position) }
            switch HTTPFieldLine.parse(bytes, start, end) {
            case .success(let field):
                fields.append(field)
                return nil
            case .failure(let reason):
                return fail(.badRequest(reason.description))
            }
        }
    }

    /// Parses `method SP request-target SP HTTP-version` (RFC 9112 3); checks the version before the target
    /// form so that the HTTP/2 preface (`PRI * HTTP/2.0`) gets 505.
    private mutating func parseRequestLine(_ bytes: UnsafeRawBufferPointer, _ start: Int, _ end: Int) -> HTTPParseError?
    {
        var i = start
        while i < end && HTTPSyntax.isTokenChar(bytes[i]) { i += 1 }
        guard i > start, i < end, bytes[i] == HTTPSyntax.sp else { return .badRequest("malformed method") }
        let targetStart = i + 1
        var j = targetStart
        while j < end && bytes[j] != HTTPSyntax.sp {
            guard HTTPSyntax.isTargetChar(bytes[j]) else { return .badRequest("invalid character in request-target") }
            j += 1
        }
        guard j > targetStart else { return .badRequest("empty request-target") }
        guard j < end else { return .badRequest("missing HTTP version") }
        switch HTTPVersion.parse(bytes, j + 1, end) {
        case .minor(let minor): versionMinor = minor
        case .unsupported: return .unsupportedVersion
        case .malformed: return .badRequest("malformed HTTP version")
        }
        guard bytes[targetStart] == UInt8(ascii: "/") else { return .badRequest("request-target must be origin-form") }
        method = HTTPSyntax.string(bytes, start, i)
        target = HTTPSyntax.string(bytes, targetStart, j)
        return nil
    }

    /// Applies the whole-head rules (Host, framing) and builds the head.
    private mutating func finish(headerLength: Int) -> HTTPParseResult {
        let headers = HTTPHeaders(fields)
        var hosts = 0
        var contentLengths: [String] = []
        var hasTransferEncoding = false
        for (name, value) in headers {
            if HTTPSyntax.equalsIgnoringCase(name, "Host") {
                hosts += 1
            } else if HTTPSyntax.equalsIgnoringCase(name, "Content-Length") {
                contentLengths.append(value)
            } else if HTTPSyntax.equalsIgnoringCase(name, "Transfer-Encoding") {
                hasTransferEncoding = true
            }
        }
        // RFC 9112 3.2: exactly one Host in HTTP/1.1, never more than one.
        if hosts > 1 { return fail(.badRequest("multiple Host fields")) }
        if hosts == 0 && versionMinor >= 1 { return fail(.badRequest("missing Host")) }
        // RFC 9112 6.1, 6.3: Transfer-Encoding with Content-Length is a smuggling attempt.
        if hasTransferEncoding {
            if !contentLengths.isEmpty { return fail(.badRequest("both Transfer-Encoding and Content-Length")) }
            return fail(.notImplemented("Transfer-Encoding is not supported"))
        }
        guard let length = ContentLength.parse(contentLengths) else {
            return fail(.badRequest("invalid Content-Length"))
        }
        let head = HTTPRequestHead(
            method: method, target: target, versionMinor: versionMinor, headers: headers, contentLength: length)
        reset()
        return .head(head, headerLength: headerLength)
    }

    /// Resets and reports `error`.
    private mutating func fail(_ error: HTTPParseError) -> HTTPParseResult {
        reset()
        return .failure(error)
    }
}
