/// Serialization of complete HTTP/1.1 responses (RFC 9112 section 4). Deterministic: no `Date` field.
public enum HTTPResponse {
    /// A complete response: status line, `Content-Length` (omitted for 1xx and 204, RFC 9110 8.6),
    /// `Connection: keep-alive` or `close`, the given headers in order, the empty line, then `body`.
    ///
    /// CR, LF and other control characters in names or values are replaced by spaces, so no caller can split
    /// the response (RFC 9110 5.5).
    public static func bytes(
        status: Int, headers: [(String, String)] = [], body: [UInt8] = [], keepAlive: Bool
    ) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(128 + body.count + headers.reduce(0) { $0 + $1.0.utf8.count + $1.1.utf8.count + 4 })
        appendStatusLine(status, to: &out)
        if status >= 200 && status != 204 {
            appendField("Content-Length", String(body.count), to: &out)
        }
        appendField("Connection", keepAlive ? "keep-alive" : "close", to: &out)
        for (name, value) in headers { appendField(name, value, to: &out) }
        out.append(contentsOf: crlf)
        out.append(contentsOf: body)
        return out
    }

    /// The standard reason phrase for `status` (RFC 9110 section 15), or `"Unknown"`.
    public static func reasonPhrase(_ status: Int) -> String {
        switch status {
        case 100: return "Continue"
        case 101: return "Switching Protocols"
        case 200: return "OK"
        case 201: return "Created"
        case 202: return "Accepted"
        case 204: return "No Content"
        case 301: return "Moved Permanently"
        case 302: return "Found"
        case 304: return "Not Modified"
        case 400: return "Bad Request"
        case 401: return "Unauthorized"
        case 403: return "Forbidden"
        case 404: return "Not Found"
        case 405: return "Method Not Allowed"
        case 408: return "Request Timeout"
        case 409: return "Conflict"
        case 411: return "Length Required"
        case 413: return "Content Too Large"
        case 414: return "URI Too Long"
        case 415: return "Unsupported Media Type"
        case 422: return "Unprocessable Content"
        case 426: return "Upgrade Required"
        case 429: return "Too Many Requests"
        case 431: return "Request Header Fields Too Large"
        case 500: return "Internal Server Error"
        case 501: return "Not Implemented"
        case 502: return "Bad Gateway"
        case 503: return "Service Unavailable"
        case 504: return "Gateway Timeout"
        case 505: return "HTTP Version Not Supported"
        default: return "Unknown"
        }
    }

    /// CRLF.
    static let crlf: [UInt8] = [HTTPSyntax.cr, HTTPSyntax.lf]

    /// Appends `HTTP/1.1 <status> <reason>\r\n`.
    static func appendStatusLine(_ status: Int, to out: inout [UInt8]) {
        out.append(contentsOf: "HTTP/1.1 \(status) \(reasonPhrase(status))".utf8)
        out.append(contentsOf: crlf)
    }

    /// Appends `name: value\r\n`, neutralizing control characters.
    static func appendField(_ name: String, _ value: String, to out: inout [UInt8]) {
        appendSanitized(name, to: &out)
        out.append(HTTPSyntax.colon)
        out.append(HTTPSyntax.sp)
        appendSanitized(value, to: &out)
        out.append(contentsOf: crlf)
    }

    /// Appends the UTF-8 of `text` with every control character except HTAB, and DEL, turned into a space.
    private static func appendSanitized(_ text: String, to out: inout [UInt8]) {
        for byte in text.utf8 {
            out.append(HTTPSyntax.isFieldValueChar(byte) ? byte : HTTPSyntax.sp)
        }
    }
}
