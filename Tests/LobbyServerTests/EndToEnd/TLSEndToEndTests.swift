import Foundation
import Glibc
import Testing
import WebSocketCore
@testable import LobbyServer

/// A blocking TLS client over a real socket, using our TLSSession in client mode with the test CA.
private final class TLSSocketClient {
    let tcp: TestClient
    let session: TLSSession
    private var plain: [UInt8] = []
    private var reader = MessageReader(role: .client, maxMessageSize: 1 << 24)

    init(port: Int, caFile: String) throws {
        tcp = try TestClient(port: port)
        session = try TLSSession(context: .client(verifyPeer: true, caFile: caFile), serverName: "localhost")
        _ = session.readPlaintext(into: UnsafeMutableRawBufferPointer(start: nil, count: 0))
        pushCiphertext()
    }

    private func pushCiphertext() {
        var buffer = [UInt8](repeating: 0, count: 65536)
        while session.pendingCiphertext > 0 {
            let n = buffer.withUnsafeMutableBytes { session.takeCiphertext(into: $0) }
            tcp.send(Array(buffer[0..<n]))
        }
    }

    func write(_ bytes: [UInt8]) {
        _ = bytes.withUnsafeBytes { session.writePlaintext($0) }
        pushCiphertext()
    }

    /// Reads until `enough(plain)` or the timeout; false on failure.
    func read(timeout: Double = 5, until enough: ([UInt8]) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        var scratch = [UInt8](repeating: 0, count: 65536)
        var cipher = [UInt8](repeating: 0, count: 65536)
        while !enough(plain) {
            switch scratch.withUnsafeMutableBytes({ session.readPlaintext(into: $0) }) {
            case .bytes(let n):
                plain += scratch[0..<n]
                continue
            case .closed, .failed:
                return enough(plain)
            case .wantMore:
                pushCiphertext()
            }
            guard Date() < deadline else { return false }
            var pfd = pollfd(fd: tcp.fd, events: Int16(POLLIN), revents: 0)
            guard poll(&pfd, 1, 200) > 0 else { continue }
            let n = cipher.withUnsafeMutableBytes { recv(tcp.fd, $0.baseAddress, $0.count, 0) }
            if n <= 0 { return enough(plain) }
            cipher.withUnsafeBytes { session.receiveCiphertext(UnsafeRawBufferPointer(rebasing: $0[0..<n])) }
        }
        return true
    }

    func httpResponse() -> HTTPResponseHead? {
        var result: HTTPResponseHead?
        _ = read { bytes in
            var parser = HTTPResponseParser()
            if case .head(let head, let length) = bytes.withUnsafeBytes({ parser.parse($0) }) {
                let body = Int(head.headers["Content-Length"] ?? "0") ?? 0
                if head.status == 101 || bytes.count >= length + body {
                    result = head
                    self.plain.removeFirst(head.status == 101 ? length : length + body)
                    return true
                }
            }
            return false
        }
        return result
    }

    func nextText() -> String? {
        var text: String?
        _ = read { _ in
            var offset = 0
            let event: String? = self.plain.withUnsafeMutableBytes { buffer in
                if case .text(let p) = self.reader.next(buffer, offset: &offset) { return String(decoding: p, as: UTF8.self) }
                return nil
            }
            self.plain.removeFirst(offset)
            text = event
            return event != nil
        }
        return text
    }
}

@Suite struct TLSEndToEndTests {
    @Test func wssEchoAndHTTPSHealthOverTheSameLoops() throws {
        let certificate = try TestCertificate()
        let server = try TestServer {
            $0.tlsCertificate = certificate.certificatePath
            $0.tlsPrivateKey = certificate.privateKeyPath
        }
        defer { server.stop() }

        let https = try TLSSocketClient(port: server.port, caFile: certificate.certificatePath)
        https.write(Array("GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n".utf8))
        #expect(https.httpResponse()?.status == 200)

        let wss = try TLSSocketClient(port: server.port, caFile: certificate.certificatePath)
        let key = WebSocketHandshake.makeKey()
        wss.write(WebSocketHandshake.clientRequest(host: "localhost", path: "/echo", key: key))
        let head = try #require(wss.httpResponse())
        #expect(WebSocketHandshake.validateResponse(head, key: key))
        let big = String(repeating: "tls-échø ", count: 20_000)
        for text in ["hello over TLS", big] {
            wss.write(FrameEncoder.frame(opcode: .text, payload: Array(text.utf8), maskKey: 0x0A0B0C0D))
            #expect(wss.nextText() == text)
        }
    }

    @Test func plaintextClientOnATLSPortIsDropped() throws {
        let certificate = try TestCertificate()
        let server = try TestServer {
            $0.tlsCertificate = certificate.certificatePath
            $0.tlsPrivateKey = certificate.privateKeyPath
        }
        defer { server.stop() }
        let client = try TestClient(port: server.port)
        client.send("GET /health HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(client.waitForEOF())
        #expect(TestServer.eventually { server.stats.tlsFailures.load() >= 1 })
    }

    @Test func missingCertificateFailsStartUpWithAMessage() {
        var config = Config()
        config.port = 0
        config.tlsCertificate = "/nonexistent/cert.pem"
        config.tlsPrivateKey = "/nonexistent/key.pem"
        let app = App(config: config)
        #expect(throws: TLSError.self) { try app.start() }
    }
}
