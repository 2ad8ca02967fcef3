import Testing

@testable import WebSocketCore

@Suite struct HandshakeTests {
    static let key = "dGhlIHNhbXBsZSBub25jZQ=="

    /// A valid upgrade request with `change` applied to its fields.
    func request(
        method: String = "GET", minor: Int = 1, change: (inout [(String, String)]) -> Void = { _ in }
    ) -> HTTPRequestHead {
        var fields: [(String, String)] = [
            ("Host", "server.example.com"), ("Upgrade", "websocket"), ("Connection", "Upgrade"),
            ("Sec-WebSocket-Key", Self.key), ("Origin", "https://game.example"), ("Sec-WebSocket-Version", "13"),
        ]
        change(&fields)
        return HTTPRequestHead(method: method, target: "/ws", versionMinor: minor, headers: HTTPHeaders(fields))
    }

    func rejection(_ head: HTTPRequestHead, origins: Set<String>? = nil) -> WebSocketHandshake.Rejection? {
        if case .failure(let rejection) = WebSocketHandshake.validate(head, allowedOrigins: origins) {
            return rejection
        }
        return nil
    }

    @Test func rfc6455ExampleAcceptValue() {
        #expect(WebSocketHandshake.acceptValue(for: Self.key) == "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=")
        #expect(WebSocketHandshake.guid == "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")
    }

    @Test func acceptsAValidRequest() throws {
        #expect(try WebSocketHandshake.validate(request(), allowedOrigins: nil).get() == Self.key)
        #expect(try WebSocketHandshake.validate(request(), allowedOrigins: ["https://game.example"]).get() == Self.key)
        let lenient = request { fields in
            fields[1] = ("upgrade", "WebSocket")
            fields[2] = ("connection", "keep-alive, UPGRADE")
        }
        #expect(rejection(lenient) == nil)
    }

    @Test func nonGetIs405WithAllow() throws {
        let refused = try #require(rejection(request(method: "POST")))
        #expect(refused.status == 405)
        #expect(refused.headers.contains { $0 == ("Allow", "GET") })
    }

    @Test func http10Is400() {
        #expect(rejection(request(minor: 0))?.status == 400)
    }

    @Test func missingPiecesAre400() {
        #expect(rejection(request { $0.removeAll { $0.0 == "Host" } })?.status == 400)
        #expect(rejection(request { $0.removeAll { $0.0 == "Upgrade" } })?.status == 400)
        #expect(rejection(request { $0[1] = ("Upgrade", "h2c") })?.status == 400)
        #expect(rejection(request { $0.removeAll { $0.0 == "Connection" } })?.status == 400)
        #expect(rejection(request { $0[2] = ("Connection", "keep-alive") })?.status == 400)
    }

    @Test func badKeysAre400() {
        for key in [
            "", "abc", "dGhlIHNhbXBsZSBub25jZQ", "dGhlIHNhbXBsZSBub25jZQ=", "dGhlIHNhbXBsZSBub25jZQ==x",
            "dGhlIHNhbXBsZSBub25j!Q==", "AAAAAAAAAAAAAAAAAAAAAAAA", "dGhl IHNhbXBsZSBub25jZQ==",
        ] {
            #expect(rejection(request { $0[3] = ("Sec-WebSocket-Key", key) })?.status == 400, "\(key)")
        }
        #expect(rejection(request { $0.removeAll { $0.0 == "Sec-WebSocket-Key" } })?.status == 400)
        #expect(rejection(request { $0.append(("Sec-WebSocket-Key", Self.key)) })?.status == 400)
    }

    @Test func wrongVersionIs426WithSupportedVersion() throws {
        for change: (inout [(String, String)]) -> Void in [
            { $0[5] = ("Sec-WebSocket-Version", "8") }, { $0.removeAll { $0.0 == "Sec-WebSocket-Version" } },
            { $0.append(("Sec-WebSocket-Version", "8")) },
        ] {
            let refused = try #require(rejection(request(change: change)))
            #expect(refused.status == 426)
            #expect(refused.headers.contains { $0 == ("Sec-WebSocket-Version", "13") })
        }
    }

    @Test func originChecks() {
        let allowed: Set<String> = ["https://game.example"]
        #expect(rejection(request(), origins: allowed) == nil)
        #expect(rejection(request { $0[4] = ("Origin", "https://GAME.example") }, origins: allowed) == nil)
        #expect(rejection(request { $0[4] = ("Origin", "https://evil.example") }, origins: allowed)?.status == 403)
        #expect(rejection(request { $0[4] = ("Origin", "https://evil.example") }, origins: nil) == nil)
        #expect(rejection(request { $0.remove(at: 4) }, origins: allowed) == nil)
    }

    @Test func rejectionResponseCarriesHeadersAndCloses() throws {
        let refused = try #require(rejection(request { $0[5] = ("Sec-WebSocket-Version", "7") }))
        var parser = HTTPResponseParser()
        let bytes = refused.responseBytes()
        guard case .head(let head, let length) = bytes.withUnsafeBytes({ parser.parse($0) }) else {
            Issue.record("unparseable rejection")
            return
        }
        #expect(head.status == 426)
        #expect(head.headers["Sec-WebSocket-Version"] == "13")
        #expect(head.headers.containsToken("Connection", "close"))
        #expect(Array(bytes[length...]) == Array(refused.reason.utf8))
        #expect(refused == WebSocketHandshake.Rejection(status: 426, reason: refused.reason, headers: []))
    }

    @Test func upgradeAttemptDetection() {
        #expect(WebSocketHandshake.isUpgradeAttempt(request()))
        #expect(!WebSocketHandshake.isUpgradeAttempt(request { $0.removeAll { $0.0 == "Upgrade" } }))
        #expect(!WebSocketHandshake.isUpgradeAttempt(request { $0[1] = ("Upgrade", "h2c") }))
    }

    @Test func switchingProtocolsResponse() {
        let bytes = WebSocketHandshake.switchingProtocols(
            accept: "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", extraHeaders: [("Sec-WebSocket-Protocol", "lobby.v1")])
        #expect(
            String(decoding: bytes, as: UTF8.self)
                == "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\nSec-WebSocket-Protocol: lobby.v1\r\n\r\n")
    }

    /// The client's request parses and validates on the server side; the server's 101 validates on the client side.
    @Test func clientServerRoundTrip() throws {
        let key = WebSocketHandshake.makeKey()
        #expect(WebSocketHandshake.isValidKey(key))
        #expect(WebSocketHandshake.makeKey() != key)
        let requestBytes = WebSocketHandshake.clientRequest(
            host: "127.0.0.1:8080", path: "/ws?token=t", key: key, extraHeaders: [("Origin", "http://localhost")])
        var parser = HTTPRequestParser()
        guard case .head(let head, let length) = requestBytes.withUnsafeBytes({ parser.parse($0) }) else {
            Issue.record("client request did not parse")
            return
        }
        #expect(length == requestBytes.count)
        #expect(head.queryItem("token") == "t")
        let accepted = try WebSocketHandshake.validate(head, allowedOrigins: ["http://localhost"]).get()
        #expect(accepted == key)

        let responseBytes = WebSocketHandshake.switchingProtocols(accept: WebSocketHandshake.acceptValue(for: accepted))
        var responseParser = HTTPResponseParser()
        guard case .head(let response, _) = responseBytes.withUnsafeBytes({ responseParser.parse($0) }) else {
            Issue.record("101 did not parse")
            return
        }
        #expect(WebSocketHandshake.validateResponse(response, key: key))
        #expect(!WebSocketHandshake.validateResponse(response, key: WebSocketHandshake.makeKey()))
    }

    @Test func clientRejectsBadResponses() {
        let accept = WebSocketHandshake.acceptValue(for: Self.key)
        let good: [(String, String)] = [
            ("Upgrade", "websocket"), ("Connection", "Upgrade"), ("Sec-WebSocket-Accept", accept),
        ]
        #expect(
            WebSocketHandshake.validateResponse(
                HTTPResponseHead(status: 101, reason: "", headers: HTTPHeaders(good)), key: Self.key))
        #expect(
            !WebSocketHandshake.validateResponse(
                HTTPResponseHead(status: 200, reason: "", headers: HTTPHeaders(good)), key: Self.key))
        for drop in 0..<good.count {
            var fields = good
            fields.remove(at: drop)
            #expect(
                !WebSocketHandshake.validateResponse(
                    HTTPResponseHead(status: 101, reason: "", headers: HTTPHeaders(fields)), key: Self.key))
        }
        let twice = HTTPHeaders(good + [("Sec-WebSocket-Accept", accept)])
        #expect(
            !WebSocketHandshake.validateResponse(
                HTTPResponseHead(status: 101, reason: "", headers: twice), key: Self.key))
    }
}

@Suite struct Base64Tests {
    @Test(arguments: [
        ("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="), ("fooba", "Zm9vYmE="),
        ("foobar", "Zm9vYmFy"),
    ])
    func rfc4648Vectors(plain: String, encoded: String) {
        #expect(Base64.encode(Array(plain.utf8)) == encoded)
        #expect(Base64.decode(encoded) == Array(plain.utf8))
    }

    @Test func urlAlphabetAndUnpadded() {
        let bytes: [UInt8] = [0xFB, 0xFF, 0xBF]
        #expect(Base64.encode(bytes) == "+/+/")
        #expect(Base64.encode(bytes, alphabet: .url) == "-_-_")
        #expect(Base64.encode([0xFF], alphabet: .url, padded: false) == "_w")
        #expect(Base64.decode("_w", alphabet: .url) == [0xFF])
        #expect(Base64.decode("_w==", alphabet: .url) == [0xFF])
        #expect(Base64.decode("_w") == nil)
    }

    @Test func rejectsMalformedInput() {
        for text in ["A", "Zg=", "Zg===", "Z===", "Zm9v\n", " Zm9v", "Zm=v", "=Zm9", "Zm9vY"] {
            #expect(Base64.decode(text) == nil, "\(text.debugDescription)")
        }
    }
}
