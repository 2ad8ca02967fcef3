import CLinux
import Glibc
import WebSocketCore

/// `GET /metrics` over plain HTTP/1.1 on loopback, blocking with a deadline (the scrape happens twice per run,
/// at the window's edges; a few ms is fine). Sends `Connection: close` and reads until the server closes; the head
/// is parsed by WebSocketCore's `HTTPResponseParser`; the body is taken by `Content-Length`, chunked
/// (RFC 9112 section 7.1) or to the end.
enum MetricsFetch {
    /// Largest response accepted.
    static let maxBytes = 16 << 20

    /// The body of `GET path` from `host:port` (host in 127.0.0.0/8), or an error saying what went wrong.
    static func get(host: String, port: Int, path: String, timeoutMs: Int) -> Result<String, BenchError> {
        let deadline = lobby_monotonic_ns() &+ UInt64(timeoutMs) * 1_000_000
        let fd = lobby_connect_tcp(host, Int32(port), nil)
        guard fd >= 0 else { return .failure(BenchError("connect to \(host):\(port) failed: errno \(lobby_errno())")) }
        defer { _ = lobby_close(fd) }
        guard wait(fd, for: Int16(POLLOUT), until: deadline) else {
            return .failure(BenchError("connect to \(host):\(port) timed out"))
        }
        let error = lobby_socket_error(fd)
        guard error == 0 else { return .failure(BenchError("connect to \(host):\(port) failed: errno \(error)")) }
        let request = Array("GET \(path) HTTP/1.1\r\nHost: \(host):\(port)\r\nConnection: close\r\n\r\n".utf8)
        guard write(fd, request, until: deadline) else { return .failure(BenchError("sending GET \(path) failed")) }
        guard let response = readAll(fd, until: deadline) else {
            return .failure(BenchError("GET \(path): no complete response before the timeout"))
        }
        return body(of: response, path: path)
    }

    /// The body of a complete response (`bytes` up to the server's close), or why it is not usable.
    static func body(of bytes: [UInt8], path: String) -> Result<String, BenchError> {
        var parser = HTTPResponseParser(maxHeaderBytes: 16384)
        let parsed = bytes.withUnsafeBytes { parser.parse($0) }
        guard case .head(let head, let headerLength) = parsed else {
            return .failure(BenchError("GET \(path): malformed response head"))
        }
        guard head.status == 200 else { return .failure(BenchError("GET \(path): status \(head.status)")) }
        var body = Array(bytes[headerLength...])
        if head.headers.containsToken("Transfer-Encoding", "chunked") {
            guard let decoded = dechunk(body) else { return .failure(BenchError("GET \(path): bad chunked body")) }
            body = decoded
        } else if let length = head.contentLength {
            guard body.count >= length else { return .failure(BenchError("GET \(path): body cut short")) }
            body = Array(body[..<length])
        }
        return .success(String(decoding: body, as: UTF8.self))
    }

    /// Decodes a chunked body (RFC 9112 section 7.1: hex size, optional extensions, CRLF, data, CRLF; size 0
    /// ends it; trailers ignored). nil when malformed or incomplete.
    static func dechunk(_ bytes: [UInt8]) -> [UInt8]? {
        var out: [UInt8] = []
        var at = 0
        while true {
            guard let lineEnd = crlf(bytes, from: at) else { return nil }
            let sizeText = bytes[at..<lineEnd].prefix { $0 != UInt8(ascii: ";") }
            guard let size = Int(String(decoding: sizeText, as: UTF8.self).trimmingCharacters(" \t"), radix: 16),
                size >= 0
            else { return nil }
            at = lineEnd + 2
            if size == 0 { return out }
            guard bytes.count >= at + size + 2 else { return nil }
            out += bytes[at..<(at + size)]
            at += size + 2
        }
    }

    /// The index of the next CRLF from `from`.
    private static func crlf(_ bytes: [UInt8], from: Int) -> Int? {
        var at = from
        while at + 1 < bytes.count {
            if bytes[at] == 0x0D && bytes[at + 1] == 0x0A { return at }
            at += 1
        }
        return nil
    }

    /// Writes all of `bytes`, waiting for the socket as needed.
    private static func write(_ fd: Int32, _ bytes: [UInt8], until deadline: UInt64) -> Bool {
        var at = 0
        while at < bytes.count {
            let written = bytes.withUnsafeBytes { lobby_write(fd, $0.baseAddress! + at, $0.count - at) }
            if written > 0 {
                at += written
                continue
            }
            let error = lobby_errno()
            guard written < 0, error == EAGAIN || error == EWOULDBLOCK, wait(fd, for: Int16(POLLOUT), until: deadline)
            else { return false }
        }
        return true
    }

    /// Reads until the server closes; nil on a timeout, an error or more than ``maxBytes``.
    private static func readAll(_ fd: Int32, until deadline: UInt64) -> [UInt8]? {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while bytes.count <= maxBytes {
            let got = chunk.withUnsafeMutableBytes { lobby_read(fd, $0.baseAddress!, $0.count) }
            if got > 0 {
                bytes += chunk[..<got]
                continue
            }
            if got == 0 { return bytes }
            let error = lobby_errno()
            guard error == EAGAIN || error == EWOULDBLOCK, wait(fd, for: Int16(POLLIN), until: deadline) else {
                return nil
            }
        }
        return nil
    }

    /// Waits until `fd` is ready for `events` or the deadline passes.
    private static func wait(_ fd: Int32, for events: Int16, until deadline: UInt64) -> Bool {
        while true {
            let now = lobby_monotonic_ns()
            guard now < deadline else { return false }
            var entry = pollfd(fd: fd, events: events, revents: 0)
            let ready = poll(&entry, 1, Int32(clamping: (deadline - now + 999_999) / 1_000_000))
            if ready > 0 { return true }
            if ready < 0 && errno != EINTR { return false }
        }
    }
}

extension String {
    /// Without leading and trailing characters from `set`.
    fileprivate func trimmingCharacters(_ set: String) -> String {
        String(drop { set.contains($0) }.reversed().drop { set.contains($0) }.reversed())
    }
}
