import Testing

@testable import WebSocketCore

@Suite struct HTTPResponseTests {
    func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    @Test func serializesACompleteResponse() {
        let bytes = HTTPResponse.bytes(
            status: 404, headers: [("Content-Type", "text/plain")], body: Array("nope".utf8), keepAlive: true)
        #expect(
            text(bytes)
                == "HTTP/1.1 404 Not Found\r\nContent-Length: 4\r\nConnection: keep-alive\r\n"
                + "Content-Type: text/plain\r\n\r\nnope")
        let closing = HTTPResponse.bytes(status: 200, keepAlive: false)
        #expect(text(closing) == "HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
    }

    @Test func noContentLengthFor204And1xx() {
        #expect(!text(HTTPResponse.bytes(status: 204, keepAlive: true)).contains("Content-Length"))
        #expect(!text(HTTPResponse.bytes(status: 100, keepAlive: true)).contains("Content-Length"))
    }

    @Test func headerValuesCannotSplitTheResponse() {
        let bytes = HTTPResponse.bytes(status: 200, headers: [("X-Evil", "a\r\nSet-Cookie: b")], keepAlive: true)
        #expect(text(bytes).contains("X-Evil: a  Set-Cookie: b\r\n"))
        #expect(!text(bytes).contains("\r\nSet-Cookie"))
    }

    @Test func reasonPhrases() {
        #expect(HTTPResponse.reasonPhrase(101) == "Switching Protocols")
        #expect(HTTPResponse.reasonPhrase(426) == "Upgrade Required")
        #expect(HTTPResponse.reasonPhrase(431) == "Request Header Fields Too Large")
        #expect(HTTPResponse.reasonPhrase(505) == "HTTP Version Not Supported")
        #expect(HTTPResponse.reasonPhrase(799) == "Unknown")
    }

    @Test func responseParserReadsWhatWeWrite() {
        let bytes = HTTPResponse.bytes(status: 503, headers: [("Retry-After", "5")], body: [1, 2, 3], keepAlive: false)
        var parser = HTTPResponseParser()
        guard case .head(let head, let length) = bytes.withUnsafeBytes({ parser.parse($0) }) else {
            Issue.record("expected a head")
            return
        }
        #expect(head.status == 503 && head.reason == "Service Unavailable")
        #expect(head.headers["retry-after"] == "5")
        #expect(head.contentLength == 3)
        #expect(length == bytes.count - 3)
    }

    @Test func responseParserByteByByte() {
        let bytes = Array("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n".utf8)
        var parser = HTTPResponseParser()
        for end in 0..<bytes.count {
            guard case .needMoreData = Array(bytes[0..<end]).withUnsafeBytes({ parser.parse($0) }) else {
                Issue.record("early result at \(end)")
                return
            }
        }
        guard case .head(let head, let length) = bytes.withUnsafeBytes({ parser.parse($0) }) else {
            Issue.record("expected a head")
            return
        }
        #expect(head.status == 101 && length == bytes.count && head.contentLength == nil)
    }

    @Test func responseParserAcceptsEmptyReason() {
        var parser = HTTPResponseParser()
        for line in ["HTTP/1.1 204\r\n\r\n", "HTTP/1.1 204 \r\n\r\n"] {
            guard case .head(let head, _) = Array(line.utf8).withUnsafeBytes({ parser.parse($0) }) else {
                Issue.record("expected a head for \(line.debugDescription)")
                continue
            }
            #expect(head.status == 204 && head.reason == "")
        }
    }

    @Test(arguments: [
        "HTTP/2 200 OK\r\n\r\n", "HTTP/1.1 20 OK\r\n\r\n", "HTTP/1.1 2000 OK\r\n\r\n", "HTTP/1.1 abc OK\r\n\r\n",
        "HTTP/1.1 200 OK\nX: y\r\n\r\n", "HTTP/1.1 200 OK\r\nBad Name: y\r\n\r\n", "HTTP/1.1 200 OK\r\n folded\r\n\r\n",
        "ICY 200 OK\r\n\r\n", "HTTP/1.1 099 Low\r\n\r\n",
    ])
    func responseParserRejects(_ response: String) {
        var parser = HTTPResponseParser()
        guard case .failure = Array(response.utf8).withUnsafeBytes({ parser.parse($0) }) else {
            Issue.record("accepted \(response.debugDescription)")
            return
        }
    }

    @Test func responseParserLimit() {
        var parser = HTTPResponseParser(maxHeaderBytes: 32)
        let bytes = Array("HTTP/1.1 200 OK\r\nX-Long: \(String(repeating: "z", count: 40))\r\n\r\n".utf8)
        guard case .failure = bytes.withUnsafeBytes({ parser.parse($0) }) else {
            Issue.record("expected a size failure")
            return
        }
    }
}
