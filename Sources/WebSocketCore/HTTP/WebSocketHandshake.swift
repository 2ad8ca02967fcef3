import COpenSSL

/// The RFC 6455 opening handshake (section 4): server-side validation and the 101 response, and the client side
/// (key, request, response check) in `WebSocketHandshake+Client.swift`.
public enum WebSocketHandshake {
    /// The GUID appended to the key before hashing (RFC 6455 section 1.3).
    public static let guid: String = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"

    /// The `Sec-WebSocket-Accept` value for `key`: base64(SHA-1(key + GUID)) (RFC 6455 4.2.2 step 5.4).
    public static func acceptValue(for key: String) -> String {
        let input = Array((key + guid).utf8)
        var digest = [UInt8](repeating: 0, count: Int(SHA_DIGEST_LENGTH))
        input.withUnsafeBufferPointer { source in
            digest.withUnsafeMutableBufferPointer { target in
                _ = SHA1(source.baseAddress, source.count, target.baseAddress)
            }
        }
        return Base64.encode(digest)
    }

    /// Whether `key` is a valid `Sec-WebSocket-Key`: 24 base64 characters decoding to exactly 16 bytes
    /// (RFC 6455 4.1 item 7).
    public static func isValidKey(_ key: String) -> Bool {
        key.utf8.count == 24 && Base64.decode(key)?.count == 16
    }

    /// Validates an upgrade request (RFC 6455 4.2.1), checking in this order:
    /// 1. method `GET`, else 405 with `Allow: GET`;
    /// 2. HTTP/1.1 or later, else 400;
    /// 3. exactly one `Host`, else 400;
    /// 4. `Upgrade` has the token `websocket` and `Connection` has the token `upgrade` (case-insensitive),
    ///    else 400 (the RFC's "appropriate error code (such as 400 Bad Request)"; a request without any
    ///    upgrade intent is routed elsewhere via `isUpgradeAttempt`);
    /// 5. `Sec-WebSocket-Version` is exactly `13`, else 426 Upgrade Required with `Sec-WebSocket-Version: 13`
    ///    (RFC 6455 4.4; a missing version is treated the same way);
    /// 6. exactly one valid `Sec-WebSocket-Key`, else 400;
    /// 7. when `allowedOrigins` is non-nil and an `Origin` is present, it must be in the set, else 403
    ///    (RFC 6455 10.2). A missing `Origin` is allowed: non-browser clients omit it. Origins are compared
    ///    exactly and then ASCII-lowercased, so list them in their serialized (lowercase) form.
    /// Returns the key on success.
    public static func validate(_ head: HTTPRequestHead, allowedOrigins: Set<String>?) -> Result<String, Rejection> {
        let headers = head.headers
        guard head.method == "GET" else {
            return .failure(Rejection(status: 405, reason: "method must be GET", headers: [("Allow", "GET")]))
        }
        guard head.versionMinor >= 1 else { return .failure(Rejection(status: 400, reason: "HTTP/1.1 required")) }
        guard headers.values("Host").count == 1 else { return .failure(Rejection(status: 400, reason: "missing Host")) }
        guard headers.containsToken("Upgrade", "websocket") else {
            return .failure(Rejection(status: 400, reason: "Upgrade must be websocket"))
        }
        guard headers.containsToken("Connection", "upgrade") else {
            return .failure(Rejection(status: 400, reason: "Connection must include Upgrade"))
        }
        guard headers.values("Sec-WebSocket-Version") == ["13"] else {
            return .failure(
                Rejection(
                    status: 426, reason: "unsupported WebSocket version", headers: [("Sec-WebSocket-Version", "13")]))
        }
        let keys = headers.values("Sec-WebSocket-Key")
        guard keys.count == 1, isValidKey(keys[0]) else {
            return .failure(Rejection(status: 400, reason: "invalid Sec-WebSocket-Key"))
        }
        if let allowedOrigins, let origin = headers["Origin"],
            !allowedOrigins.contains(origin), !allowedOrigins.contains(origin.lowercased())
        {
            return .failure(Rejection(status: 403, reason: "origin not allowed"))
        }
        return .success(keys[0])
    }

    /// The `101 Switching Protocols` response (RFC 6455 4.2.2 step 5): `Upgrade: websocket`,
    /// `Connection: Upgrade`, `Sec-WebSocket-Accept`, then `extraHeaders`. No `Content-Length` (RFC 9110 8.6).
    public static func switchingProtocols(accept: String, extraHeaders: [(String, String)] = []) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(160)
        HTTPResponse.appendStatusLine(101, to: &out)
        HTTPResponse.appendField("Upgrade", "websocket", to: &out)
        HTTPResponse.appendField("Connection", "Upgrade", to: &out)
        HTTPResponse.appendField("Sec-WebSocket-Accept", accept, to: &out)
        for (name, value) in extraHeaders { HTTPResponse.appendField(name, value, to: &out) }
        out.append(contentsOf: HTTPResponse.crlf)
        return out
    }

    /// Whether the request is an upgrade attempt: an `Upgrade` header with the token `websocket`. Used to answer
    /// broken handshakes with a WebSocket rejection and everything else as plain HTTP.
    public static func isUpgradeAttempt(_ head: HTTPRequestHead) -> Bool {
        head.headers.containsToken("Upgrade", "websocket")
    }
}
