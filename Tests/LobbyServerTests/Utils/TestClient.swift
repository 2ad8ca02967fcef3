import Foundation
import Glibc
import WebSocketCore

/// A blocking test client over a real TCP socket on loopback: raw bytes, HTTP requests, and WebSocket frames
/// (masked, as a client must) parsed with our own client-role reader.
final class TestClient {
    /// What the client received.
    enum Received: Equatable {
        case text(String)
        case binary([UInt8])
        case ping([UInt8])
        case pong([UInt8])
        case close(code: UInt16?, reason: String)
        /// The server closed the TCP connection (or reset it).
        case eof
        /// Nothing arrived before the timeout.
        case timeout
        /// The server's frames broke the protocol.
        case protocolError(String)
    }

    struct Failure: Error, CustomStringConvertible { let description: String }

    let fd: Int32
    private var pending: [UInt8] = []
    private var reader = MessageReader(role: .client, maxMessageSize: 64 << 20)

    /// Connects to 127.0.0.1:port (blocking socket).
    init(port: Int) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket failed") }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = in_port_t(UInt16(port).bigEndian)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let rc = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard rc == 0 else {
            close(fd)
            throw Failure(description: "connect to port \(port) failed: errno \(errno)")
        }
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
    }

    deinit { close(fd) }

    /// Opens a WebSocket: sends the upgrade request and checks the 101 and its accept value.
    static func webSocket(port: Int, path: String = "/echo", headers: [(String, String)] = []) throws -> TestClient {
        let client = try TestClient(port: port)
        let key = WebSocketHandshake.makeKey()
        client.send(WebSocketHandshake.clientRequest(host: "127.0.0.1:\(port)", path: path, key: key, extraHeaders: headers))
        let (head, _) = try client.readResponse(expectBody: false)
        guard WebSocketHandshake.validateResponse(head, key: key) else {
            throw Failure(description: "handshake failed: \(head.status) \(head.reason)")
        }
        return client
    }

    // MARK: Raw

    /// Writes all bytes (blocking).
    func send(_ bytes: [UInt8]) {
        var sent = 0
        while sent < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + sent, bytes.count - sent, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { return }
            sent += n
        }
    }

    /// Writes the UTF-8 of `text`.
    func send(_ text: String) { send(Array(text.utf8)) }

    /// Reads more bytes into `pending`; false on EOF/error/timeout.
    @discardableResult
    func fill(timeout: Double) -> Bool {
        var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&pfd, 1, Int32(timeout * 1000)) > 0 else { return false }
        var chunk = [UInt8](repeating: 0, count: 65536)
        let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        guard n > 0 else { return false }
        pending.append(contentsOf: chunk[0..<n])
        return true
    }

    /// True when the server closed the connection (EOF or reset) within `timeout` (after draining pending data).
    func waitForEOF(timeout: Double = 5) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&pfd, 1, 100) > 0 else { continue }
            var chunk = [UInt8](repeating: 0, count: 65536)
            let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n <= 0 { return true }
        }
        return false
    }

    // MARK: HTTP

    /// Sends a request and reads the response.
    func request(_ method: String, _ path: String, headers: [(String, String)] = [], body: [UInt8] = [],
                 keepAlive: Bool = true) throws -> (head: HTTPResponseHead, body: [UInt8]) {
        var text = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        if !body.isEmpty { text += "Content-Length: \(body.count)\r\n" }
        if !keepAlive { text += "Connection: close\r\n" }
        text += "\r\n"
        send(Array(text.utf8) + body)
        return try readResponse(expectBody: method != "HEAD")
    }

    /// Reads one HTTP response (head, then Content-Length bytes of body).
    func readResponse(expectBody: Bool = true, timeout: Double = 5) throws -> (head: HTTPResponseHead, body: [UInt8]) {
        var parser = HTTPResponseParser()
        while true {
            let result = pending.withUnsafeBytes { parser.parse($0) }
            switch result {
            case .needMoreData:
                guard fill(timeout: timeout) else { throw Failure(description: "no complete HTTP response (got \(pending.count) bytes)") }
            case .failure(let why):
                throw Failure(description: "bad HTTP response: \(why)")
            case .head(let head, let length):
                let bodyLength = expectBody ? Int(head.headers["Content-Length"] ?? "0") ?? 0 : 0
                while pending.count < length + bodyLength {
                    guard fill(timeout: timeout) else { throw Failure(description: "short body") }
                }
                let body = Array(pending[length..<(length + bodyLength)])
                pending.removeFirst(length + bodyLength)
                return (head, body)
            }
        }
    }

    // MARK: WebSocket

    /// Sends one frame, masked with a random key unless `masked` is false.
    func sendFrame(_ opcode: Opcode, _ payload: [UInt8], fin: Bool = true, rsv: UInt8 = 0, masked: Bool = true) {
        send(FrameEncoder.frame(opcode: opcode, payload: payload, fin: fin, rsv: rsv,
                                maskKey: masked ? UInt32.random(in: 1...UInt32.max) : nil))
    }

    /// Sends a text message in one frame.
    func sendText(_ text: String) { sendFrame(.text, Array(text.utf8)) }

    /// Sends a close frame with a code and reason.
    func sendClose(_ code: UInt16, reason: String = "") {
        sendFrame(.close, FrameEncoder.closePayload(code: CloseCode(rawValue: code), reason: reason))
    }

    /// The next WebSocket event, or `.eof` / `.timeout`.
    func receive(timeout: Double = 5) -> Received {
        while true {
            var offset = 0
            let event: Received? = pending.withUnsafeMutableBytes { buffer in
                switch reader.next(buffer, offset: &offset) {
                case .needMoreData: return nil
                case .text(let p): return .text(String(decoding: p, as: UTF8.self))
                case .binary(let p): return .binary(Array(p))
                case .ping(let p): return .ping(Array(p))
                case .pong(let p): return .pong(Array(p))
                case .close(let code, let reason): return .close(code: code, reason: String(decoding: reason, as: UTF8.self))
                case .failure(let code, let reason): return .protocolError("\(code): \(reason)")
                }
            }
            pending.removeFirst(offset)
            if let event { return event }
            var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&pfd, 1, Int32(timeout * 1000)) > 0 else { return .timeout }
            guard fill(timeout: 0) else { return .eof }
        }
    }

    /// Skips pings/pongs and returns the next message or close.
    func receiveMessage(timeout: Double = 5) -> Received {
        while true {
            let event = receive(timeout: timeout)
            switch event {
            case .ping, .pong: continue
            default: return event
            }
        }
    }

    /// Reads until a close frame arrives (messages before it are skipped); returns its code, or nil if the
    /// connection ended without one.
    func closeCode(timeout: Double = 5) -> UInt16?? {
        while true {
            switch receive(timeout: timeout) {
            case .close(let code, _): return .some(code)
            case .eof, .timeout, .protocolError: return nil
            default: continue
            }
        }
    }
}
