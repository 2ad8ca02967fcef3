import Testing

@testable import WebSocketCore

/// A comparable summary of a parse result, so whole, split and byte-by-byte feeding can be compared.
enum HTTPParseOutcome: Equatable, CustomStringConvertible {
    case needMoreData
    case head(
        method: String, target: String, minor: Int, fields: [String], contentLength: Int, keepAlive: Bool, length: Int)
    case failure(HTTPParseError)

    init(_ result: HTTPParseResult) {
        switch result {
        case .needMoreData:
            self = .needMoreData
        case .head(let head, let length):
            self = .head(
                method: head.method, target: head.target, minor: head.versionMinor,
                fields: head.headers.map { "\($0.name): \($0.value)" }, contentLength: head.contentLength,
                keepAlive: head.keepAlive, length: length)
        case .failure(let error):
            self = .failure(error)
        }
    }

    var status: Int? {
        if case .failure(let error) = self { return error.status }
        return nil
    }

    var description: String {
        switch self {
        case .needMoreData: return "needMoreData"
        case .head(let method, let target, _, let fields, _, _, let length):
            return "head(\(method) \(target) \(fields) \(length))"
        case .failure(let error): return "failure(\(error))"
        }
    }
}

/// Feeding helpers shared by the HTTP test suites.
enum HTTPFeed {
    /// Parses `bytes` in one call with a fresh parser.
    static func whole(_ bytes: [UInt8], max: Int = 8192) -> HTTPParseOutcome {
        var parser = HTTPRequestParser(maxHeaderBytes: max)
        return HTTPParseOutcome(bytes.withUnsafeBytes { parser.parse($0) })
    }

    /// Parses `text` in one call with a fresh parser.
    static func whole(_ text: String, max: Int = 8192) -> HTTPParseOutcome {
        whole(Array(text.utf8), max: max)
    }

    /// Feeds growing prefixes ending at each of `cuts` and then the whole buffer, as a socket would, returning
    /// the first result that is not `.needMoreData` (or the last one).
    static func inPieces(_ bytes: [UInt8], cuts: [Int], max: Int = 8192) -> HTTPParseOutcome {
        var parser = HTTPRequestParser(maxHeaderBytes: max)
        for end in cuts + [bytes.count] {
            let outcome = HTTPParseOutcome(Array(bytes[0..<end]).withUnsafeBytes { parser.parse($0) })
            if outcome != .needMoreData { return outcome }
        }
        return .needMoreData
    }

    /// Feeds one byte more each call.
    static func byteByByte(_ bytes: [UInt8], max: Int = 8192) -> HTTPParseOutcome {
        inPieces(bytes, cuts: Array(0..<bytes.count), max: max)
    }
}

@Suite struct HTTPRequestParserTests {
    static let simple = "GET /lobby/ws?token=abc%20d HTTP/1.1\r\nHost: example.com\r\nX-Thing:  spaced value \t\r\n\r\n"

    @Test func parsesAValidRequest() throws {
        var parser = HTTPRequestParser()
        let bytes = Array(Self.simple.utf8) + Array("BODY".utf8)
        let result = bytes.withUnsafeBytes { parser.parse($0) }
        guard case .head(let head, let length) = result else {
            Issue.record("expected head, got \(HTTPParseOutcome(result))")
            return
        }
        #expect(length == Self.simple.utf8.count)
        #expect(head.method == "GET")
        #expect(head.target == "/lobby/ws?token=abc%20d")
        #expect(head.path == "/lobby/ws")
        #expect(head.query == "token=abc%20d")
        #expect(head.versionMinor == 1)
        #expect(head.headers["host"] == "example.com")
        #expect(head.headers["X-THING"] == "spaced value")
        #expect(head.contentLength == 0)
        #expect(head.keepAlive)
    }

    @Test func byteByByteEqualsWhole() {
        let bytes = Array(Self.simple.utf8)
        let whole = HTTPFeed.whole(bytes)
        #expect(whole.status == nil && whole != .needMoreData)
        #expect(HTTPFeed.byteByByte(bytes) == whole)
    }

    @Test func everySplitPointGivesTheSameHead() {
        let text = "\r\nPOST /submit HTTP/1.0\r\nContent-Length: 5\r\nConnection: keep-alive\r\n\r\nhello"
        let bytes = Array(text.utf8)
        let whole = HTTPFeed.whole(bytes)
        guard case .head(_, _, 0, _, 5, true, let length) = whole else {
            Issue.record("unexpected \(whole)")
            return
        }
        #expect(length == bytes.count - 5)
        for cut in 0...bytes.count {
            #expect(HTTPFeed.inPieces(bytes, cuts: [cut]) == whole, "split at \(cut)")
        }
        for a in stride(from: 0, to: bytes.count, by: 3) {
            for b in stride(from: a, to: bytes.count, by: 5) {
                #expect(HTTPFeed.inPieces(bytes, cuts: [a, b]) == whole, "split at \(a), \(b)")
            }
        }
    }

    @Test func incompleteHeadNeedsMoreData() {
        for prefix in [
            "", "G", "GET / HTTP/1.1", "GET / HTTP/1.1\r", "GET / HTTP/1.1\r\nHost: a\r\n",
            "GET / HTTP/1.1\r\nHost: a\r\n\r",
        ] {
            #expect(HTTPFeed.whole(prefix) == .needMoreData, "\(prefix.debugDescription)")
        }
    }

    @Test func parserResetsItselfAfterAHead() {
        var parser = HTTPRequestParser()
        let first = Array("GET /a HTTP/1.1\r\nHost: h\r\n\r\n".utf8)
        let second = Array("GET /b HTTP/1.1\r\nHost: h\r\n\r\n".utf8)
        guard case .head(let a, _) = first.withUnsafeBytes({ parser.parse($0) }) else {
            Issue.record("first request")
            return
        }
        #expect(a.path == "/a")
        guard case .head(let b, _) = second.withUnsafeBytes({ parser.parse($0) }) else {
            Issue.record("second request")
            return
        }
        #expect(b.path == "/b")
    }

    @Test func explicitResetForgetsAPartialRequest() {
        var parser = HTTPRequestParser()
        _ = Array("POST /x HTTP/1.1\r\nHo".utf8).withUnsafeBytes { parser.parse($0) }
        parser.reset()
        let result = Array("GET /y HTTP/1.1\r\nHost: h\r\n\r\n".utf8).withUnsafeBytes { parser.parse($0) }
        guard case .head(let head, _) = result else {
            Issue.record("expected head")
            return
        }
        #expect(head.method == "GET" && head.path == "/y")
    }

    @Test func leadingEmptyLinesAreIgnoredUpToALimit() {
        let request = "GET / HTTP/1.1\r\nHost: h\r\n\r\n"
        let allowed = String(repeating: "\r\n", count: HTTPRequestParser.maxLeadingEmptyLines) + request
        guard case .head(_, _, _, _, _, _, let length) = HTTPFeed.whole(allowed) else {
            Issue.record("leading CRLFs should be skipped")
            return
        }
        #expect(length == allowed.utf8.count)
        let tooMany = String(repeating: "\r\n", count: HTTPRequestParser.maxLeadingEmptyLines + 1) + request
        #expect(HTTPFeed.whole(tooMany).status == 400)
        #expect(HTTPFeed.whole("\n" + request).status == 400)
    }

    @Test(
        arguments: [
            ("get lowercase is a token", "get / HTTP/1.1\r\nHost: h\r\n\r\n", nil),
            ("absolute-form", "GET http://h/ HTTP/1.1\r\nHost: h\r\n\r\n", 400),
            ("asterisk-form", "OPTIONS * HTTP/1.1\r\nHost: h\r\n\r\n", 400),
            ("empty method", " / HTTP/1.1\r\nHost: h\r\n\r\n", 400),
            ("bad method char", "GE(T / HTTP/1.1\r\nHost: h\r\n\r\n", 400),
            ("double space", "GET  / HTTP/1.1\r\nHost: h\r\n\r\n", 400),
            ("space in target", "GET /a b HTTP/1.1\r\nHost: h\r\n\r\n", 400),
            ("control in target", "GET /a\u{01}b HTTP/1.1\r\nHost: h\r\n\r\n", 400),
            ("non-ASCII target", "GET /caf\u{E9} HTTP/1.1\r\nHost: h\r\n\r\n", 400),
            ("missing version", "GET /\r\nHost: h\r\n\r\n", 400),
            ("trailing space", "GET / HTTP/1.1 \r\nHost: h\r\n\r\n", 400),
            ("lowercase version", "GET / http/1.1\r\nHost: h\r\n\r\n", 400),
            ("garbage version", "GET / HTTP/x\r\nHost: h\r\n\r\n", 400),
            ("HTTP/2 preface", "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", 505),
            ("HTTP/1.2", "GET / HTTP/1.2\r\nHost: h\r\n\r\n", 505),
            ("HTTP/0.9-ish", "GET / HTTP/0.9\r\nHost: h\r\n\r\n", 505),
            ("HTTP/3", "GET / HTTP/3\r\nHost: h\r\n\r\n", 505),
            ("whitespace before colon", "GET / HTTP/1.1\r\nHost : h\r\n\r\n", 400),
            ("tab before colon", "GET / HTTP/1.1\r\nHost\t: h\r\n\r\n", 400),
            ("obs-fold", "GET / HTTP/1.1\r\nHost: h\r\nX-A: 1\r\n 2\r\n\r\n", 400),
            ("whitespace after start line", "GET / HTTP/1.1\r\n\tHost: h\r\n\r\n", 400),
            ("empty field name", "GET / HTTP/1.1\r\nHost: h\r\n: v\r\n\r\n", 400),
            ("no colon", "GET / HTTP/1.1\r\nHost: h\r\nNoColon\r\n\r\n", 400),
            ("bad name char", "GET / HTTP/1.1\r\nHost: h\r\nX(a): v\r\n\r\n", 400),
            ("bare LF in request line", "GET / HTTP/1.1\nHost: h\r\n\r\n", 400),
            ("bare LF ending head", "GET / HTTP/1.1\r\nHost: h\r\n\n", 400),
            ("CR without LF", "GET / HTTP/1.1\r\nHost: h\rX: y\r\n\r\n", 400),
            ("NUL in value", "GET / HTTP/1.1\r\nHost: h\r\nX: a\u{0}b\r\n\r\n", 400),
            ("control in value", "GET / HTTP/1.1\r\nHost: h\r\nX: a\u{1B}b\r\n\r\n", 400),
            ("DEL in value", "GET / HTTP/1.1\r\nHost: h\r\nX: a\u{7F}b\r\n\r\n", 400),
            ("missing Host on 1.1", "GET / HTTP/1.1\r\nX: y\r\n\r\n", 400),
            ("two Hosts", "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400),
            ("Host optional on 1.0", "GET / HTTP/1.0\r\n\r\n", nil),
            ("non-digit Content-Length", "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 1x\r\n\r\n", 400),
            ("negative Content-Length", "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: -1\r\n\r\n", 400),
            ("empty Content-Length", "POST / HTTP/1.1\r\nHost: h\r\nContent-Length:\r\n\r\n", 400),
            ("huge Content-Length", "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 99999999999999999999\r\n\r\n", 400),
            (
                "disagreeing Content-Length",
                "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n", 400
            ),
            ("disagreeing list", "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 1, 2\r\n\r\n", 400),
            (
                "agreeing duplicates",
                "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\ncontent-length: 3, 3\r\n\r\n", nil
            ),
            (
                "CL with TE", "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n",
                400
            ),
            ("TE alone", "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n", 501),
        ] as [(String, String, Int?)])
    func statusFor(name: String, request: String, status: Int?) {
        let whole = HTTPFeed.whole(request)
        #expect(whole.status == status, "\(name): \(whole)")
        #expect(whole != .needMoreData, "\(name)")
        #expect(HTTPFeed.byteByByte(Array(request.utf8)) == whole, "\(name) byte by byte")
    }

    @Test func errorStatusesMatchTheirCases() {
        #expect(HTTPParseError.badRequest("x").status == 400)
        #expect(HTTPParseError.headersTooLarge.status == 431)
        #expect(HTTPParseError.unsupportedVersion.status == 505)
        #expect(HTTPParseError.notImplemented("te").status == 501)
    }

    @Test func contentLengthIsReported() {
        guard
            case .head(_, _, _, _, let length, _, _) = HTTPFeed.whole(
                "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 0042\r\n\r\n")
        else {
            Issue.record("expected head")
            return
        }
        #expect(length == 42)
    }

    /// A head of exactly `max` bytes is accepted; one byte more is 431, whether it arrives whole or byte by byte.
    @Test(arguments: [64, 100, 8192])
    func headerLimitBoundary(max: Int) {
        func request(ofLength length: Int) -> [UInt8] {
            let start = "GET / HTTP/1.1\r\nHost: h\r\nX: "
            let end = "\r\n\r\n"
            let filler = String(repeating: "a", count: length - start.utf8.count - end.utf8.count)
            return Array((start + filler + end).utf8)
        }
        let fits = request(ofLength: max)
        #expect(fits.count == max)
        #expect(HTTPFeed.whole(fits, max: max).status == nil)
        #expect(HTTPFeed.whole(fits, max: max) != .needMoreData)
        #expect(HTTPFeed.byteByByte(fits, max: max) == HTTPFeed.whole(fits, max: max))
        let tooBig = request(ofLength: max + 1)
        #expect(HTTPFeed.whole(tooBig, max: max) == .failure(.headersTooLarge))
        #expect(HTTPFeed.byteByByte(tooBig, max: max) == .failure(.headersTooLarge))
        // The failure comes as soon as byte max+1 arrives, not when the head ends.
        #expect(HTTPFeed.whole(Array(tooBig[0...max]), max: max) == .failure(.headersTooLarge))
        #expect(HTTPFeed.whole(Array(tooBig[0..<max]), max: max) == .needMoreData)
    }

    @Test func bodyBytesAfterALimitSizedHeadDoNotCount() {
        let head = "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 10\r\n\r\n"
        let bytes = Array((head + "0123456789").utf8)
        guard case .head(_, _, _, _, 10, _, let length) = HTTPFeed.whole(bytes, max: head.utf8.count) else {
            Issue.record("expected head")
            return
        }
        #expect(length == head.utf8.count)
    }

    @Test(arguments: [
        ("HTTP/1.1", "", true),
        ("HTTP/1.1", "Connection: close\r\n", false),
        ("HTTP/1.1", "Connection: Keep-Alive, CLOSE\r\n", false),
        ("HTTP/1.1", "Connection: upgrade\r\n", true),
        ("HTTP/1.0", "", false),
        ("HTTP/1.0", "Connection: keep-alive\r\n", true),
        ("HTTP/1.0", "Connection: foo\r\nConnection: Keep-Alive\r\n", true),
        ("HTTP/1.0", "Connection: keep-alive, close\r\n", false),
    ])
    func keepAliveRules(version: String, fields: String, expected: Bool) {
        let outcome = HTTPFeed.whole("GET / \(version)\r\nHost: h\r\n\(fields)\r\n")
        guard case .head(_, _, _, _, _, let keepAlive, _) = outcome else {
            Issue.record("expected head, got \(outcome)")
            return
        }
        #expect(keepAlive == expected)
    }

    @Test func shorterBufferRestartsTheParse() {
        var parser = HTTPRequestParser()
        _ = Array("GET /long/path/that/is/partial".utf8).withUnsafeBytes { parser.parse($0) }
        let result = Array("GET / HTTP/1.1\r\nHost: h\r\n\r\n".utf8).withUnsafeBytes { parser.parse($0) }
        #expect(HTTPParseOutcome(result).status == nil)
        #expect(HTTPParseOutcome(result) != .needMoreData)
    }
}
