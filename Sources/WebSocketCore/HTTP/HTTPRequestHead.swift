/// A parsed HTTP/1.x request line and header section (RFC 9112 sections 3 and 5).
public struct HTTPRequestHead: Sendable {
    /// The method token, case-sensitive (`GET`, `POST`, ...).
    public var method: String
    /// The request-target exactly as received (origin-form: starts with `/`).
    public var target: String
    /// The target before `?`; percent-decoding is NOT applied.
    public var path: String
    /// The target after the first `?`, if any, still encoded.
    public var query: String?
    /// The minor version of HTTP/1.x: 0 or 1.
    public var versionMinor: Int
    /// The header fields in order.
    public var headers: HTTPHeaders
    /// The body length from `Content-Length`; 0 when absent.
    public var contentLength: Int
    /// Whether the connection may be reused after this request (RFC 9112 section 9.3): HTTP/1.1 unless
    /// `Connection: close`; HTTP/1.0 only with `Connection: keep-alive`.
    public var keepAlive: Bool

    /// Builds a head; `path`, `query` and `keepAlive` are derived from `target`, `versionMinor` and `headers`.
    public init(
        method: String, target: String, versionMinor: Int = 1, headers: HTTPHeaders = HTTPHeaders(),
        contentLength: Int = 0
    ) {
        self.method = method
        self.target = target
        (self.path, self.query) = Self.split(target: target)
        self.versionMinor = versionMinor
        self.headers = headers
        self.contentLength = contentLength
        self.keepAlive = Self.keepAlive(versionMinor: versionMinor, headers: headers)
    }

    /// The persistence rule of RFC 9112 9.3: `close` always wins; HTTP/1.1 defaults to keep-alive, HTTP/1.0 opts in.
    static func keepAlive(versionMinor: Int, headers: HTTPHeaders) -> Bool {
        if headers.containsToken("Connection", "close") { return false }
        return versionMinor >= 1 || headers.containsToken("Connection", "keep-alive")
    }

    /// Splits a target at its first `?` into path and query.
    static func split(target: String) -> (path: String, query: String?) {
        guard let mark = target.utf8.firstIndex(of: UInt8(ascii: "?")) else { return (target, nil) }
        let path = String(target[..<mark])
        let query = String(target[target.utf8.index(after: mark)...])
        return (path, query)
    }
}
