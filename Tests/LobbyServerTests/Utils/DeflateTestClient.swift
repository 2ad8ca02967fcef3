import Foundation
import Glibc
import WebSocketCore

/// A test client that offers permessage-deflate (RFC 7692): `TestClient` carries the socket and the handshake;
/// this reads the server's frames itself, with a compression-aware client reader, so it can tell whether each
/// message arrived compressed (RSV1) and inflate it, and it can send compressed frames.
final class DeflateTestClient {
    /// A server message or event, with whether the message came compressed.
    enum Received: Equatable, CustomStringConvertible {
        case text(String, compressed: Bool)
        case binary([UInt8], compressed: Bool)
        case close(code: UInt16?)
        case eof
        case timeout
        /// The server's frames broke the protocol, or a compressed message did not inflate.
        case protocolError(String)

        /// Short form for failure messages (messages can be megabytes).
        var description: String {
            switch self {
            case .text(let text, let compressed):
                return "text(\(text.utf8.count) bytes \(text.prefix(16).debugDescription), compressed: \(compressed))"
            case .binary(let data, let compressed): return "binary(\(data.count) bytes, compressed: \(compressed))"
            case .close(let code): return "close(\(code.map(String.init) ?? "nil"))"
            case .eof: return "eof"
            case .timeout: return "timeout"
            case .protocolError(let why): return "protocolError(\(why))"
            }
        }
    }

    /// The offer Chrome sends (and Python websockets).
    static let chromeOffer = "permessage-deflate; client_max_window_bits"

    /// The socket and the raw-frame helpers.
    let client: TestClient
    /// The 101's `Sec-WebSocket-Extensions` header, nil when the extension was not negotiated.
    let extensions: String?
    private var pending: [UInt8] = []
    private var reader: MessageReader
    /// Inflates what the server sends and compresses what we send.
    let codec = DeflateCodec()

    /// Connects and upgrades, offering `offer` (no `Sec-WebSocket-Extensions` header when nil).
    init(port: Int, path: String = "/echo", offer: String? = DeflateTestClient.chromeOffer) throws {
        client = try TestClient(port: port)
        let key = WebSocketHandshake.makeKey()
        let headers = offer.map { [("Sec-WebSocket-Extensions", $0)] } ?? []
        client.send(WebSocketHandshake.clientRequest(host: "127.0.0.1:\(port)", path: path, key: key,
                                                     extraHeaders: headers))
        let (head, _) = try client.readResponse(expectBody: false)
        guard WebSocketHandshake.validateResponse(head, key: key) else {
            throw TestClient.Failure(description: "handshake failed: \(head.status) \(head.reason)")
        }
        let values = head.headers.values("Sec-WebSocket-Extensions")
        guard values.count <= 1 else {
            throw TestClient.Failure(description: "several Sec-WebSocket-Extensions headers: \(values)")
        }
        extensions = values.first
        reader = MessageReader(role: .client, maxMessageSize: 64 << 20, compression: extensions != nil)
    }

    /// Sends `message` compressed in one frame (RSV1 set), masked as a client must.
    func sendCompressed(_ opcode: Opcode, _ message: [UInt8]) {
        client.sendFrame(opcode, compress(message), rsv: 0x40)
    }

    /// `message` compressed the way a peer does (RFC 7692 7.2.1), by our own codec.
    func compress(_ message: [UInt8]) -> [UInt8] {
        message.withUnsafeBytes { Array(codec.compress($0)) }
    }

    /// The next message, close, or end of the connection (pings and pongs are skipped).
    func receive(timeout: Double = 5) -> Received {
        while true {
            var offset = 0
            let event: Received? = pending.withUnsafeMutableBytes { buffer in
                switch reader.next(buffer, offset: &offset) {
                case .needMoreData, .ping, .pong: return nil
                case .text(let payload):
                    guard let text = inflate(payload) else { return .protocolError("bad compressed text") }
                    return .text(String(decoding: text, as: UTF8.self), compressed: reader.lastMessageCompressed)
                case .binary(let payload):
                    guard let data = inflate(payload) else { return .protocolError("bad compressed binary") }
                    return .binary(data, compressed: reader.lastMessageCompressed)
                case .close(let code, _): return .close(code: code)
                case .failure(let code, let reason): return .protocolError("\(code): \(reason)")
                }
            }
            pending.removeFirst(offset)
            if let event { return event }
            if offset > 0 { continue }  // a ping or pong was consumed; look again before reading
            var pfd = pollfd(fd: client.fd, events: Int16(POLLIN), revents: 0)
            guard poll(&pfd, 1, Int32(timeout * 1000)) > 0 else { return .timeout }
            var chunk = [UInt8](repeating: 0, count: 65536)
            let n = chunk.withUnsafeMutableBytes { recv(client.fd, $0.baseAddress, $0.count, 0) }
            guard n > 0 else { return .eof }
            pending.append(contentsOf: chunk[0..<n])
        }
    }

    /// The close code the server sends next (messages before it are skipped); nil if the connection ends first.
    func closeCode(timeout: Double = 5) -> UInt16?? {
        while true {
            switch receive(timeout: timeout) {
            case .close(let code): return .some(code)
            case .eof, .timeout, .protocolError: return nil
            case .text, .binary: continue
            }
        }
    }

    /// The payload as the application sees it: inflated when the message came compressed.
    private func inflate(_ payload: UnsafeRawBufferPointer) -> [UInt8]? {
        guard reader.lastMessageCompressed else { return Array(payload) }
        guard case .message(let bytes) = codec.decompress(payload, maxSize: 64 << 20) else { return nil }
        return Array(bytes)
    }
}
