import Foundation
import Glibc
import Synchronization
import Testing
import WebSocketCore
@testable import LobbyServer

/// Latest-snapshot-only delivery and the send-stall close, over real sockets on loopback: a transport-only server
/// (loops, a probe endpoint, an `Outbox` driven by the test thread as a game shard would drive it) and clients
/// that stop reading, read slowly, or keep up. Snapshots are `s:NNNNNNNN` + padding, control messages
/// `c:NNNNNNNN`; control j is sent right after snapshot `j * controlEvery`.
@Suite struct SnapshotDeliveryTests {
    /// How a client talks to the server.
    enum Transport: String, CaseIterable, CustomTestStringConvertible {
        case plain, deflate, tls
        var testDescription: String { rawValue }
    }

    @Test(arguments: Transport.allCases)
    func stoppedReaderGetsEveryControlAndOnlyTheNewestSnapshots(transport: Transport) throws {
        let certificate = transport == .tls ? try TestCertificate() : nil
        let server = try SnapshotServer { config in
            // High water = 2 * 1 KiB + 64 KiB: one partly written 40 KB snapshot plus a pending one would pass it,
            // so this also proves a pending snapshot is not counted. Over TLS, up to 256 KiB of ciphertext already
            // made for the socket counts as well, so the limit is raised there.
            config.sendHighWater = transport == .tls ? 1 << 20 : 1024
            config.permessageDeflate = transport == .deflate
            config.tlsCertificate = certificate?.certificatePath
            config.tlsPrivateKey = certificate?.privateKeyPath
        }
        defer { server.stop() }
        let client = try server.connect(transport, caFile: certificate?.certificatePath)
        let ref = try server.onlyConnection()

        // The client reads nothing while 10,000 snapshots and 1,000 control messages go out over many passes.
        let count = 10_000
        let controlEvery = 10
        let outbox = Outbox(fanout: server.fanout)
        for index in 1...count {
            outbox.sendSnapshot(server.snapshot(index), to: ref)
            if index % controlEvery == 0 { outbox.send(.text(Probe.control(index / controlEvery)), to: ref) }
            outbox.flush()
            if index % 100 == 0 { usleep(1_000) }
        }
        outbox.send(.text(Probe.end), to: ref)
        outbox.flush()

        // Now it reads everything.
        var lastControl = 0
        var lastSnapshot = 0
        var snapshots = 0
        read: while true {
            switch client.next(timeout: 10) {
            case .text(let text, _) where text == Probe.end:
                break read
            case .text(let text, let compressed):
                guard let (kind, number) = Probe.parse(text) else {
                    Issue.record("unexpected message \(text.prefix(20))")
                    break read
                }
                if kind == "c" {
                    #expect(number == lastControl + 1, "control messages are never dropped nor reordered")
                    lastControl = number
                } else {
                    // Sent after control lastControl and before control lastControl + 1.
                    #expect(number > lastSnapshot && number > lastControl * controlEvery
                            && number <= (lastControl + 1) * controlEvery)
                    lastSnapshot = number
                    snapshots += 1
                    #expect(compressed == (transport == .deflate))
                }
            case let other:
                Issue.record("stream ended early: \(other)")
                break read
            }
        }
        let dropped = server.stats.snapshotsDropped.load()
        #expect(lastControl == count / controlEvery)
        #expect(lastSnapshot == count, "the newest snapshot is always delivered")
        #expect(dropped > count / 2)
        #expect(snapshots + dropped == count, "every snapshot is either delivered or counted as dropped")
        #expect(server.stats.backpressureCloses.load() == 0)
        #expect(server.stats.stallCloses.load() == 0)
        #expect(server.probe.closeCode == nil)
    }

    @Test(arguments: [Transport.plain, .deflate])
    func readerThatKeepsUpGetsEverySnapshot(transport: Transport) throws {
        let server = try SnapshotServer { $0.permessageDeflate = transport == .deflate }
        defer { server.stop() }
        let client = try server.connect(transport, caFile: nil)
        let ref = try server.onlyConnection()
        let outbox = Outbox(fanout: server.fanout)
        for index in 1...1_000 {
            outbox.sendSnapshot(server.snapshot(index), to: ref)
            if index % 10 == 0 { outbox.send(.text(Probe.control(index / 10)), to: ref) }
            outbox.flush()
            guard case .text(let text, let compressed) = client.next(timeout: 5),
                Probe.parse(text).map({ $0 == ("s", index) }) == true
            else {
                Issue.record("snapshot \(index) missing")
                return
            }
            #expect(compressed == (transport == .deflate))
            if index % 10 == 0 {
                #expect(client.next(timeout: 5) == .text(Probe.control(index / 10), compressed: false))
            }
        }
        #expect(server.stats.snapshotsDropped.load() == 0)
    }

    @Test func readerThatStopsIsClosedWith1008AfterTheStallTimeout() throws {
        let server = try SnapshotServer {
            $0.sendStallTimeoutMs = 500
            $0.closeTimeoutMs = 5_000
        }
        defer { server.stop() }
        let client = try TestClient.webSocket(port: server.port, path: Probe.path)
        let ref = try server.onlyConnection()
        let outbox = Outbox(fanout: server.fanout)
        let started = Date()
        var index = 0
        while server.stats.stallCloses.load() == 0 && Date().timeIntervalSince(started) < 10 {
            index += 1
            outbox.sendSnapshot(server.snapshot(index), to: ref)
            outbox.flush()
            usleep(5_000)
        }
        let elapsed = Date().timeIntervalSince(started)
        #expect(server.stats.stallCloses.load() == 1)
        #expect(elapsed >= 0.5, "closed after \(elapsed) s, before the stall timeout")
        // Reading again: the snapshots the kernel held, then our close (written once the socket drains).
        var close: TestClient.Received?
        while close == nil {
            switch client.receiveMessage(timeout: 5) {
            case .text: continue
            case let other: close = other
            }
        }
        #expect(close == .close(code: 1008, reason: "send stalled"))
        _ = Glibc.shutdown(client.fd, Int32(SHUT_WR))  // the server is draining: our EOF ends it
        #expect(TestServer.eventually { server.probe.closeCode == .policyViolation })
        #expect(server.stats.backpressureCloses.load() == 0)
    }

    @Test func stalledReaderIsDroppedAfterTheCloseTimeout() throws {
        let server = try SnapshotServer {
            $0.sendStallTimeoutMs = 300
            $0.closeTimeoutMs = 300
        }
        defer { server.stop() }
        let client = try TestClient.webSocket(port: server.port, path: Probe.path)
        let ref = try server.onlyConnection()
        let outbox = Outbox(fanout: server.fanout)
        var index = 0
        let dropped = TestServer.eventually(timeout: 10) {
            index += 1
            outbox.sendSnapshot(server.snapshot(index), to: ref)
            outbox.flush()
            return server.probe.closeCode != nil
        }
        #expect(dropped)
        #expect(server.probe.closeCode == .policyViolation)
        #expect(server.stats.stallCloses.load() == 1)
        #expect(server.stats.timeouts.load() == 1, "dropped by the close-handshake timeout")
        #expect(client.waitForEOF(), "the TCP connection is gone")
    }

    @Test func slowButSteadyReaderIsNotClosed() throws {
        let server = try SnapshotServer { $0.sendStallTimeoutMs = 500 }
        defer { server.stop() }
        let client = try TestClient.webSocket(port: server.port, path: Probe.path)
        client.shrinkReceiveBuffer()
        let ref = try server.onlyConnection()
        // A shard sends a 40 KB snapshot every 5 ms (8 MB/s) for 3 s; the client takes 8 KB every 50 ms.
        let stop = Flag()
        let producer = Producer(server: server, ref: ref, stop: stop)
        let end = Date().addingTimeInterval(3)
        var received = 0
        var chunk = [UInt8](repeating: 0, count: 8 * 1024)
        while Date() < end {
            let n = chunk.withUnsafeMutableBytes { recv(client.fd, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
            if n > 0 { received += n }
            usleep(50_000)
        }
        stop.set()
        producer.wait()
        #expect(received > 100_000)
        #expect(server.stats.stallCloses.load() == 0)
        #expect(server.stats.backpressureCloses.load() == 0)
        #expect(server.stats.snapshotsDropped.load() > 0)
        #expect(server.probe.closeCode == nil)
    }
}

// MARK: - The server side

/// The probe endpoint: records its connection's ref and how it closed; the test sends through an `Outbox`.
private final class Probe: WebSocketHandler, Sendable {
    static let path = "/snapshots"
    static let end = "e:end"

    private let state = Mutex<(refs: [ConnectionRef], closeCode: CloseCode?)>(([], nil))

    /// Refs of the connections opened so far.
    var refs: [ConnectionRef] { state.withLock { $0.refs } }
    /// The code the last connection closed with; nil while it is open.
    var closeCode: CloseCode? { state.withLock { $0.closeCode } }

    func webSocketDidOpen(_ connection: Connection, request: HTTPRequestHead) {
        let ref = connection.ref
        state.withLock { $0.refs.append(ref) }
    }

    func webSocket(_ connection: Connection, didReceiveText text: UnsafeRawBufferPointer) {}
    func webSocket(_ connection: Connection, didReceiveBinary data: UnsafeRawBufferPointer) {}

    func webSocketDidClose(_ connection: Connection, code: CloseCode) {
        state.withLock { $0.closeCode = code }
    }

    /// Control message `number`.
    static func control(_ number: Int) -> String { "c:" + digits(number) }

    /// `number` as eight digits.
    static func digits(_ number: Int) -> String {
        let text = String(number)
        return String(repeating: "0", count: max(0, 8 - text.count)) + text
    }

    /// ("s" or "c", number) of a snapshot or control message.
    static func parse(_ text: String) -> (String, Int)? {
        let kind = text.prefix(2)
        guard kind == "s:" || kind == "c:", let number = Int(text.dropFirst(2).prefix(8)) else { return nil }
        return (String(kind.prefix(1)), number)
    }
}

/// Loops, listener and the probe route: the transport alone, as `App` wires it, without the hub and storage.
private final class SnapshotServer: @unchecked Sendable {
    let group = LoopGroup()
    let fanout = Fanout()
    let probe = Probe()
    let server: ServerContext
    let port: Int
    var stats: ServerStats { server.stats }
    /// Snapshot padding: pseudo-random letters, so permessage-deflate cannot shrink a snapshot to nothing.
    private let padding: [UInt8]

    init(_ configure: (inout Config) -> Void) throws {
        TestServer.quietLogs
        var config = Config()
        config.host = "127.0.0.1"
        config.port = 0
        config.closeTimeoutMs = 1_000
        config.shutdownTimeoutMs = 2_000
        configure(&config)
        let tls = try config.tlsCertificate.map {
            try TLSContext.server(certificatePath: $0, privateKeyPath: config.tlsPrivateKey ?? "")
        }
        var routes = Routes()
        let probe = self.probe
        routes.add(WebSocketRoute(path: Probe.path, maxMessageSize: 1024) { _ in probe })
        server = ServerContext(config: config, routes: routes, tls: tls, loopCount: 2)
        port = try group.start(count: 2, server: server)
        fanout.setLoops(group.loops)
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        padding = (0..<40_000).map { _ in
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(ascii: "a") + UInt8((seed >> 33) % 26)
        }
    }

    /// Snapshot `number`: `s:NNNNNNNN` and 40 KB of padding, one text frame.
    func snapshot(_ number: Int) -> SharedFrame {
        var payload = padding
        let head = Array(("s:" + Probe.digits(number)).utf8)
        payload.replaceSubrange(0..<head.count, with: head)
        return payload.withUnsafeBytes { SharedFrame.webSocket(.text, payload: $0) }
    }

    /// Connects to the probe over `transport`.
    func connect(_ transport: SnapshotDeliveryTests.Transport, caFile: String?) throws -> any StreamClient {
        switch transport {
        case .plain: return try TestClient.webSocket(port: port, path: Probe.path)
        case .deflate:
            let client = try DeflateTestClient(port: port, path: Probe.path)
            guard client.extensions != nil else { throw TestClient.Failure(description: "deflate not negotiated") }
            return client
        case .tls: return try TLSStreamClient(port: port, caFile: caFile ?? "", path: Probe.path)
        }
    }

    /// The ref of the one connection the test opened (waits for the loop to register it).
    func onlyConnection() throws -> ConnectionRef {
        guard TestServer.eventually({ probe.refs.count == 1 }), let ref = probe.refs.first else {
            throw TestClient.Failure(description: "the probe saw \(probe.refs.count) connections")
        }
        return ref
    }

    func stop() {
        group.beginShutdown()
        _ = group.wait(timeoutMs: 5_000)
    }
}

/// A shard thread sending a snapshot every 5 ms (and a control message every 50) until stopped.
private final class Producer: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)

    init(server: SnapshotServer, ref: ConnectionRef, stop: Flag) {
        let done = self.done
        Thread {
            let outbox = Outbox(fanout: server.fanout)
            var index = 0
            while !stop.isSet {
                index += 1
                outbox.sendSnapshot(server.snapshot(index), to: ref)
                if index % 50 == 0 { outbox.send(.text(Probe.control(index / 50)), to: ref) }
                outbox.flush()
                usleep(5_000)
            }
            done.signal()
        }.start()
    }

    func wait() { done.wait() }
}

/// A flag set by one thread and read by another.
private final class Flag: Sendable {
    private let value = Atomic<Bool>(false)
    var isSet: Bool { value.load(ordering: .acquiring) }
    func set() { value.store(true, ordering: .releasing) }
}

// MARK: - Clients

/// What a client got next.
private enum Delivery: Equatable {
    /// A text message, and whether it came compressed (permessage-deflate).
    case text(String, compressed: Bool)
    case close(UInt16?)
    /// EOF, timeout, a binary message or a protocol error.
    case other(String)
}

/// A client of the probe, whichever the transport.
private protocol StreamClient: AnyObject {
    /// The TCP socket.
    var streamFD: Int32 { get }
    /// The next message or close (pings skipped).
    func next(timeout: Double) -> Delivery
}

extension StreamClient {
    /// A small receive buffer (a few KB of TCP window), so the pace of reading shows at the server at once.
    func shrinkReceiveBuffer() {
        var small: Int32 = 4096
        setsockopt(streamFD, SOL_SOCKET, SO_RCVBUF, &small, socklen_t(MemoryLayout<Int32>.size))
    }
}

extension TestClient: StreamClient {
    fileprivate var streamFD: Int32 { fd }

    fileprivate func next(timeout: Double) -> Delivery {
        switch receiveMessage(timeout: timeout) {
        case .text(let text): return .text(text, compressed: false)
        case .close(let code, _): return .close(code)
        case let other: return .other("\(other)")
        }
    }
}

extension DeflateTestClient: StreamClient {
    fileprivate var streamFD: Int32 { client.fd }

    fileprivate func next(timeout: Double) -> Delivery {
        switch receive(timeout: timeout) {
        case .text(let text, let compressed): return .text(text, compressed: compressed)
        case .close(let code): return .close(code)
        case let other: return .other("\(other)")
        }
    }
}

/// A blocking wss:// client: our TLSSession in client mode over a TCP socket, trusting the test certificate.
private final class TLSStreamClient: StreamClient {
    private let tcp: TestClient
    private let session: TLSSession
    private var plain: [UInt8] = []
    private var reader = MessageReader(role: .client, maxMessageSize: 1 << 24)
    private var cipher = [UInt8](repeating: 0, count: 65536)
    private var scratch = [UInt8](repeating: 0, count: 65536)

    var streamFD: Int32 { tcp.fd }

    /// Connects, handshakes TLS and upgrades to a WebSocket on `path`.
    init(port: Int, caFile: String, path: String) throws {
        tcp = try TestClient(port: port)
        session = try TLSSession(context: .client(verifyPeer: true, caFile: caFile), serverName: "localhost")
        let key = WebSocketHandshake.makeKey()
        write(WebSocketHandshake.clientRequest(host: "localhost", path: path, key: key))
        var parser = HTTPResponseParser()
        while true {
            if case .head(let head, let length) = plain.withUnsafeBytes({ parser.parse($0) }) {
                guard WebSocketHandshake.validateResponse(head, key: key) else {
                    throw TestClient.Failure(description: "TLS upgrade failed: \(head.status)")
                }
                plain.removeFirst(length)
                return
            }
            guard receive(timeout: 5) else { throw TestClient.Failure(description: "no upgrade response") }
        }
    }

    func next(timeout: Double) -> Delivery {
        while true {
            var offset = 0
            let event: Delivery? = plain.withUnsafeMutableBytes { buffer in
                switch reader.next(buffer, offset: &offset) {
                case .needMoreData, .ping, .pong: return nil
                case .text(let payload): return .text(String(decoding: payload, as: UTF8.self), compressed: false)
                case .binary: return .other("binary")
                case .close(let code, _): return .close(code)
                case .failure(let code, let reason): return .other("\(code): \(reason)")
                }
            }
            plain.removeFirst(offset)
            if let event { return event }
            if offset > 0 { continue }
            guard receive(timeout: timeout) else { return .other("eof or timeout") }
        }
    }

    /// Encrypts and sends `bytes`.
    private func write(_ bytes: [UInt8]) {
        _ = bytes.withUnsafeBytes { session.writePlaintext($0) }
        pushCiphertext()
    }

    private func pushCiphertext() {
        while session.pendingCiphertext > 0 {
            let n = cipher.withUnsafeMutableBytes { session.takeCiphertext(into: $0) }
            tcp.send(Array(cipher[0..<n]))
        }
    }

    /// Reads ciphertext once and decrypts what it can into `plain`; false on EOF, failure or timeout.
    private func receive(timeout: Double) -> Bool {
        var pfd = pollfd(fd: tcp.fd, events: Int16(POLLIN), revents: 0)
        guard poll(&pfd, 1, Int32(timeout * 1000)) > 0 else { return false }
        let n = cipher.withUnsafeMutableBytes { recv(tcp.fd, $0.baseAddress, $0.count, 0) }
        guard n > 0 else { return false }
        cipher.withUnsafeBytes { session.receiveCiphertext(UnsafeRawBufferPointer(rebasing: $0[0..<n])) }
        while true {
            switch scratch.withUnsafeMutableBytes({ session.readPlaintext(into: $0) }) {
            case .bytes(let count): plain += scratch[0..<count]
            case .wantMore:
                pushCiphertext()  // handshake messages
                return true
            case .closed, .failed: return false
            }
        }
    }
}
