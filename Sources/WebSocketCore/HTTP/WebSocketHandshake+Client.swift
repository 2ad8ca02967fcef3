import COpenSSL

extension WebSocketHandshake {
    /// A fresh `Sec-WebSocket-Key`: 16 random bytes from OpenSSL's CSPRNG, base64-encoded (RFC 6455 4.1 item 7).
    public static func makeKey() -> String {
        var nonce = [UInt8](repeating: 0, count: 16)
        let ok = nonce.withUnsafeMutableBufferPointer { RAND_bytes($0.baseAddress, Int32($0.count)) }
        if ok != 1 {
            // OpenSSL's generator failed to seed: fall back to the system's (getrandom).
            var generator = SystemRandomNumberGenerator()
            for i in nonce.indices { nonce[i] = generator.next() }
        }
        return Base64.encode(nonce)
    }

    /// The client's opening handshake (RFC 6455 4.1): `GET path HTTP/1.1` with Host, `Upgrade: websocket`,
    /// `Connection: Upgrade`, the key, `Sec-WebSocket-Version: 13`, then `extraHeaders`.
    public static func clientRequest(
        host: String, path: String, key: String, extraHeaders: [(String, String)] = []
    ) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(192)
        out.append(contentsOf: "GET \(path) HTTP/1.1".utf8)
        out.append(contentsOf: HTTPResponse.crlf)
        HTTPResponse.appendField("Host", host, to: &out)
        HTTPResponse.appendField("Upgrade", "websocket", to: &out)
        HTTPResponse.appendField("Connection", "Upgrade", to: &out)
        HTTPResponse.appendField("Sec-WebSocket-Key", key, to: &out)
        HTTPResponse.appendField("Sec-WebSocket-Version", "13", to: &out)
        for (name, value) in extraHeaders { HTTPResponse.appendField(name, value, to: &out) }
        out.append(contentsOf: HTTPResponse.crlf)
        return out
    }

    /// Checks the server's answer (RFC 6455 4.1, client requirements 1-4): status 101, `Upgrade: websocket`,
    /// `Connection: upgrade` and exactly the expected `Sec-WebSocket-Accept`.
    public static func validateResponse(_ head: HTTPResponseHead, key: String) -> Bool {
        head.status == 101
            && head.headers.containsToken("Upgrade", "websocket")
            && head.headers.containsToken("Connection", "upgrade")
            && head.headers.values("Sec-WebSocket-Accept") == [acceptValue(for: key)]
    }
}
