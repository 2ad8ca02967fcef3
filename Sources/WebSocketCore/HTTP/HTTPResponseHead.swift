/// A parsed HTTP/1.x status line and header section (RFC 9112 section 4), as a client sees it.
public struct HTTPResponseHead: Sendable {
    /// The three-digit status code.
    public var status: Int
    /// The reason phrase (may be empty).
    public var reason: String
    /// The header fields in order.
    public var headers: HTTPHeaders

    /// Builds a head.
    public init(status: Int, reason: String, headers: HTTPHeaders = HTTPHeaders()) {
        self.status = status
        self.reason = reason
        self.headers = headers
    }

    /// The body length declared by `Content-Length`, or nil when absent or invalid.
    public var contentLength: Int? {
        let values = headers.values("Content-Length")
        return values.isEmpty ? nil : ContentLength.parse(values)
    }
}

/// The outcome of feeding bytes to `HTTPResponseParser`.
public enum HTTPResponseParseResult: Sendable {
    /// The head is not complete yet: call again with more bytes appended.
    case needMoreData
    /// A complete head; `headerLength` bytes were used, the body (if any) follows.
    case head(HTTPResponseHead, headerLength: Int)
    /// The response is malformed, with a short reason.
    case failure(String)
}
