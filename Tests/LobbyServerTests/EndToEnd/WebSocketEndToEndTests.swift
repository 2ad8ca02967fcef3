import Foundation
import Testing
import WebSocketCore
@testable import LobbyServer

/// RFC 6455 behaviour over real sockets against /echo: messages, fragmentation, control frames, every close path.
@Suite struct WebSocketEndToEndTests {
    @Test func echoesTextAndBinary() throws {
        let server = try TestServer()
        defer { server.stop() }
        let client = try TestClient.webSocket(port: server.port)
        client.sendText("héllo wörld")
        #expect(client.receiveMessage() == .text("héllo wörld"))
        client.sendFrame(.binary, [0, 1, 2, 255])
        #expect(client.receiveMessage() == .binary([0, 1, 2, 255]))
        client.sendFrame(.text, [])
        #expect(client.receiveMessage() == .text(""))
    }

    @Test(arguments: [125, 126, 65535, 65536, 1 << 20])
    func echoesEveryLengthEncoding(length: Int) throws {
        let server = try TestServer()
        defer { server.stop() }
        let client = try TestClient.webSocket(port: server.port)
        let payload = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        client.sendFrame(.binary, payload)
        #expect(client.receiveMessage(timeout: 10) == .binary(payload))
    }

    @Test func reassemblesFragmentsWithInterleavedPing() throws {
        let server = try TestServer()
        defer { server.stop() }
        let client = try TestClient.webSocket(port: server.port)
        client.sendFrame(.text, Array("frag".utf8), fin: false)
        client.sendFrame(.ping, Array("p1".utf8))
        client.sendFrame(.continuation, Array("men".utf8), fin: false)
        client.sendFrame(.continuation, Array("ted".utf8), fin: true)
        #expect(client.receive() == .pong(Array("p1".utf8)))
        #expect(client.receive() == .text("fragmented"))
    }

    @Test func utf8SplitAcrossFragmentsIsAccepted() throws {
        let server = try TestServer()
        defer { server.stop() }
        let client = try TestClient.webSocket(port: server.port)
        let bytes = Array("κόσμε".utf8)
        client.sendFrame(.text, Array(bytes[0..<3]), fin: false)
        client.sendFrame(.continuation, Array(bytes[3...]), fin: true)
        #expect(client.receiveMessage() == .text("κόσμε"))
    }

    @Test func cleanCloseEchoesTheCodeAndServerClosesTCP() throws {
        let server = try TestServer()
        defer { server.stop() }
        let client = try TestClient.webSocket(port: server.port)
        client.sendClose(1000, reason: "bye")
        #expect(client.receive() == .close(code: 1000, reason: ""))
        #expect(client.waitForEOF())
    }

    @Test func emptyCloseIsAnsweredWithAnEmptyClose() throws {
        let server = try TestServer()
        defer { server.stop() }
        let client = try TestClient.webSocket(port: server.port)
        client.sendFrame(.close, [])
        #expect(client.receive() == .close(code: nil, reason: ""))
    }

    /// Each violation must produce a close frame with the right code, then the TCP connection ends.
    @Test(arguments: [
        ("unmasked frame", FrameEncoder.frame(opcode: .text, payload: Array("x".utf8)), UInt16(1002)),
        ("reserved bit", FrameEncoder.frame(opcode: .text, payload: Array("x".utf8), rsv: 0x40, maskKey: 7), UInt16(1002)),
        ("reserved opcode", [0x83, 0x80, 1, 2, 3, 4], UInt16(1002)),
        ("ping too long", FrameEncoder.frame(opcode: .ping, payload: Array(repeating: 1, count: 126), maskKey: 7), UInt16(1002)),
        ("fragmented ping", FrameEncoder.frame(opcode: .ping, payload: [1], fin: false, maskKey: 7), UInt16(1002)),
        ("stray continuation", FrameEncoder.frame(opcode: .continuation, payload: [1], maskKey: 7), UInt16(1002)),
        ("invalid UTF-8", FrameEncoder.frame(opcode: .text, payload: [0xCE, 0xBA, 0xFF], maskKey: 7), UInt16(1007)),
        ("close code 1005", FrameEncoder.frame(opcode: .close, payload: [0x03, 0xED], maskKey: 7), UInt16(1002)),
        ("close code 999", FrameEncoder.frame(opcode: .close, payload: [0x03, 0xE7], maskKey: 7), UInt16(1002)),
        ("1-byte close", FrameEncoder.frame(opcode: .close, payload: [0x03], maskKey: 7), UInt16(1002)),
        ("close reason not UTF-8", FrameEncoder.frame(opcode: .close, payload: [0x03, 0xE8, 0xFF], maskKey: 7), UInt16(1007)),
    ] as [(String, [UInt8], UInt16)])
    func protocolViolationsCloseWithTheirCode(name: String, frame: [UInt8], code: UInt16) throws {
        let server = try TestServer()
        defer { server.stop() }
        let client = try TestClient.webSocket(port: server.port)
        client.send(frame)
        #expect(client.closeCode() == .some(code), "\(name)")
        #expect(client.waitForEOF(), "\(name)")
    }

    @Test func invalidUTF8FailsFastBeforeTheFrameEnds() throws {
        let server = try TestServer()
        defer { server.stop() }
        let client = try TestClient.webSocket(port: server.port)
        // Announce 100 bytes, send only an invalid prefix: the server must not wait for the rest.
        var frame = FrameEncoder.frame(opcode: .text, payload: [0xCE, 0xBA, 0xE1, 0xBD, 0xB9, 0xCE, 0xBC, 0xCE, 0xB5, 0xED, 0xA0, 0x80] + Array(repeating: 0x61, count: 88), maskKey: 0x11223344)
        frame.removeLast(85)
        client.send(frame)
        #expect(client.closeCode(timeout: 3) == .some(1007))
    }

    @Test func oversizedMessageGets1009FromTheHeaderAlone() throws {
        let server = try TestServer { $0.echoMaxMessageSize = 1000 }
        defer { server.stop() }
        let client = try TestClient.webSocket(port: server.port)
        // Only the header of a 2000-byte frame: the server must refuse without waiting for the payload.
        client.send([0x82, 0xFE, 0x07, 0xD0, 1, 2, 3, 4])
        #expect(client.closeCode(timeout: 3) == .some(1009))
    }

    @Test func oversizedFragmentedMessageGets1009() throws {
        let server = try TestServer { $0.echoMaxMessageSize = 1000 }
        defer { server.stop() }
        let client = try TestClient.webSocket(port: server.port)
        client.sendFrame(.binary, Array(repeating: 1, count: 600), fin: false)
        client.sendFrame(.continuation, Array(repeating: 1, count: 600), fin: true)
        #expect(client.closeCode() == .some(1009))
    }

    @Test func messagesAfterCloseAreIgnored() throws {
        let server = try TestServer()
        defer { server.stop() }
        let client = try TestClient.webSocket(port: server.port)
        client.sendClose(1000)
        client.sendText("after close")
        #expect(client.receive() == .close(code: 1000, reason: ""))
        #expect(client.waitForEOF())
    }

    @Test func serverPingsASilentClientAndClosesItWhenIdle() throws {
        let server = try TestServer {
            $0.pingIntervalMs = 200
            $0.idleTimeoutMs = 700
        }
        defer { server.stop() }
        let client = try TestClient.webSocket(port: server.port)
        #expect(client.receive(timeout: 3) == .ping([]))
        // Do not answer: after the idle timeout the server closes with 1001.
        #expect(client.closeCode(timeout: 3) == .some(1001))
    }

    @Test func answeringPingsKeepsTheConnectionOpen() throws {
        let server = try TestServer {
            $0.pingIntervalMs = 150
            $0.idleTimeoutMs = 600
        }
        defer { server.stop() }
        let client = try TestClient.webSocket(port: server.port)
        let end = Date().addingTimeInterval(1.5)
        while Date() < end {
            if case .ping(let payload) = client.receive(timeout: 0.3) { client.sendFrame(.pong, payload) }
        }
        client.sendText("still here")
        #expect(client.receiveMessage() == .text("still here"))
    }

    @Test func slowReaderIsClosedWith1008AndCounted() throws {
        let server = try TestServer {
            $0.sendHighWater = 64 * 1024
            $0.echoMaxMessageSize = 16 * 1024
        }
        defer { server.stop() }
        let client = try TestClient.webSocket(port: server.port)
        var small: Int32 = 4096
        setsockopt(client.fd, SOL_SOCKET, SO_RCVBUF, &small, socklen_t(MemoryLayout<Int32>.size))
        // Send ~40 MB of echo requests without reading a byte; the server's queue for us must overflow.
        let chunk = FrameEncoder.frame(opcode: .binary, payload: Array(repeating: 7, count: 16 * 1024), maskKey: 0x01020304)
        var batch: [UInt8] = []
        for _ in 0..<64 { batch += chunk }
        var flags = fcntl(client.fd, F_GETFL)
        flags |= O_NONBLOCK
        _ = fcntl(client.fd, F_SETFL, flags)
        let deadline = Date().addingTimeInterval(10)
        var sent = 0
        while server.stats.backpressureCloses.load() == 0 && Date() < deadline && sent < 40 << 20 {
            let n = batch.withUnsafeBytes { Glibc.send(client.fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n > 0 { sent += n } else { usleep(1000) }
        }
        #expect(server.stats.backpressureCloses.load() == 1)
        flags &= ~O_NONBLOCK
        _ = fcntl(client.fd, F_SETFL, flags)
        // Reading now: some echoes, then close 1008 (or the connection is already gone).
        let code = client.closeCode(timeout: 5)
        #expect(code == .some(1008) || code == nil)
        #expect(TestServer.eventually { server.stats.webSocketsOpen.load() == 0 })
    }
}
