/// Why a request head was refused. Each case maps to one response status.
public enum HTTPParseError: Error, Sendable, Equatable {
    /// 400 Bad Request, with a short reason suitable for a log line or response body.
    case badRequest(String)
    /// 431 Request Header Fields Too Large: the head did not end within `maxHeaderBytes` (RFC 6585 section 5).
    case headersTooLarge
    /// 505 HTTP Version Not Supported: anything but HTTP/1.0 and HTTP/1.1, e.g. the HTTP/2 preface.
    case unsupportedVersion
    /// 501 Not Implemented, e.g. `Transfer-Encoding` (only `Content-Length` bodies are supported).
    case notImplemented(String)

    /// The response status code for this error.
    public var status: Int {
        switch self {
        case .badRequest: return 400
        case .headersTooLarge: return 431
        case .unsupportedVersion: return 505
        case .notImplemented: return 501
        }
    }

    /// A short human-readable reason.
    public var reason: String {
        switch self {
        case .badRequest(let reason): return reason
        case .headersTooLarge: return "request head too large"
        case .unsupportedVersion: return "HTTP version not supported"
        case .notImplemented(let reason): return reason
        }
    }
}

/// The outcome of feeding bytes to `HTTPRequestParser`.
public enum HTTPParseResult: Sendable {
    /// The head is not complete yet: call again with more bytes appended.
    case needMoreData
    /// A complete head; `headerLength` bytes (leading empty lines, request line, fields and the final CRLF) were used.
    /// A body of `head.contentLength` bytes follows.
    case head(HTTPRequestHead, headerLength: Int)
    /// The request is malformed; answer with `error.status` and close the connection.
    case failure(HTTPParseError)
}
