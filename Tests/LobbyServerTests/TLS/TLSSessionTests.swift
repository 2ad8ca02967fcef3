import Testing

@testable import LobbyServer

/// `TLSSession` end to end in memory: a real OpenSSL server and client, a certificate made by the `openssl`
/// command, ciphertext carried by `TLSPair`.
@Suite struct TLSSessionTests {
    /// A fresh self-signed certificate for this test.
    let certificate: TestCertificate
    /// Serves `certificate`.
    let serverContext: TLSContext
    /// Trusts `certificate`, verifies the peer.
    let clientContext: TLSContext

    init() throws {
        certificate = try TestCertificate()
        serverContext = try TLSContext.server(
            certificatePath: certificate.certificatePath, privateKeyPath: certificate.privateKeyPath)
        clientContext = try TLSContext.client(verifyPeer: true, caFile: certificate.certificatePath)
    }

    /// Deterministic pseudo-random bytes (SplitMix64), so failures reproduce.
    static func bytes(_ count: Int, seed: UInt64) -> [UInt8] {
        var state = seed
        return (0..<count).map { _ in
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return UInt8(truncatingIfNeeded: z ^ (z >> 31))
        }
    }

    @Test func handshakeCompletesOnBothSides() throws {
        let pair = try TLSPair(server: serverContext, client: clientContext)
        #expect(!pair.server.isHandshakeComplete && !pair.client.isHandshakeComplete)
        pair.pump()
        #expect(pair.server.isHandshakeComplete)
        #expect(pair.client.isHandshakeComplete)
        #expect(pair.server.protocolVersion == "TLSv1.3")
        #expect(pair.serverLast == .wantMore && pair.clientLast == .wantMore)
        #expect(pair.server.pendingCiphertext == 0 && pair.client.pendingCiphertext == 0)
    }

    @Test func dataFlowsBothWays() throws {
        let pair = try TLSPair(server: serverContext, client: clientContext)
        pair.pump()
        #expect(pair.send(Array("GET /ws HTTP/1.1\r\n\r\n".utf8), fromClient: true))
        #expect(pair.serverReceived == Array("GET /ws HTTP/1.1\r\n\r\n".utf8))
        #expect(pair.send(Array("HTTP/1.1 101 Switching Protocols\r\n\r\n".utf8), fromClient: false))
        #expect(pair.clientReceived == Array("HTTP/1.1 101 Switching Protocols\r\n\r\n".utf8))
    }

    @Test func oneMebibyteEachWay() throws {
        let pair = try TLSPair(server: serverContext, client: clientContext)
        pair.pump()
        let up = Self.bytes(1 << 20, seed: 1)
        let down = Self.bytes(1 << 20, seed: 2)
        #expect(pair.send(up, fromClient: true, chunk: 64 * 1024))
        #expect(pair.send(down, fromClient: false, chunk: 3000))
        #expect(pair.serverReceived == up)
        #expect(pair.clientReceived == down)
    }

    @Test(arguments: [1, 2, 5, 100, 1459, 16 * 1024 + 5])
    func handshakeAndDataSurviveSplitFeeds(chunk: Int) throws {
        let pair = try TLSPair(server: serverContext, client: clientContext)
        pair.pump(chunk: chunk)
        #expect(pair.server.isHandshakeComplete && pair.client.isHandshakeComplete)
        let up = Self.bytes(40_000, seed: UInt64(chunk))
        let down = Self.bytes(20_000, seed: UInt64(chunk) + 1)
        #expect(pair.send(up, fromClient: true, chunk: chunk))
        #expect(pair.send(down, fromClient: false, chunk: chunk))
        #expect(pair.serverReceived == up)
        #expect(pair.clientReceived == down)
    }

    @Test func plaintextWrittenBeforeTheHandshakeIsDeliveredAfterIt() throws {
        let pair = try TLSPair(server: serverContext, client: clientContext)
        let early = Self.bytes(300, seed: 9)
        #expect(early.withUnsafeBytes { pair.client.writePlaintext($0) })
        // The write itself started the handshake: a ClientHello is waiting, no application data yet.
        #expect(pair.client.pendingCiphertext > 0)
        #expect(pair.send(Array("hello".utf8), fromClient: true))
        #expect(pair.serverReceived == early + Array("hello".utf8))
    }

    @Test func closeNotifyEndsReadsAfterTheLastData() throws {
        let pair = try TLSPair(server: serverContext, client: clientContext)
        pair.pump()
        #expect(Array("bye".utf8).withUnsafeBytes { pair.client.writePlaintext($0) })
        pair.client.shutdown()
        pair.pump()
        #expect(pair.serverReceived == Array("bye".utf8))
        #expect(pair.serverLast == .closed)
        var scratch = [UInt8](repeating: 0, count: 16)
        #expect(scratch.withUnsafeMutableBytes { pair.server.readPlaintext(into: $0) } == .closed)
        // The server answers with its own close_notify (RFC 8446 section 6.1).
        pair.server.shutdown()
        #expect(pair.server.pendingCiphertext > 0)
        pair.pump()
        #expect(pair.clientLast == .closed)
    }

    @Test func shutdownBeforeTheHandshakeSendsNothing() throws {
        let server = try TLSSession(context: serverContext)
        server.shutdown()
        #expect(server.pendingCiphertext == 0)
    }

    @Test(arguments: [
        Array("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n".utf8),
        [UInt8](repeating: 0, count: 64),
        // A handshake record header claiming 65535 bytes (over the 2^14 + 2048 limit, RFC 8446 section 5.2).
        [0x16, 0x03, 0x01, 0xFF, 0xFF] + [UInt8](repeating: 0x41, count: 32),
    ])
    func garbageInsteadOfAClientHelloFails(garbage: [UInt8]) throws {
        let server = try TLSSession(context: serverContext)
        garbage.withUnsafeBytes { server.receiveCiphertext($0) }
        var scratch = [UInt8](repeating: 0, count: 1024)
        let result = scratch.withUnsafeMutableBytes { server.readPlaintext(into: $0) }
        guard case .failed(let error) = result else {
            Issue.record("expected .failed, got \(result)")
            return
        }
        #expect(error.kind == .protocolFailure)
        #expect(!error.openSSLErrors.isEmpty)
        // The failure sticks: later calls report it again and refuse to encrypt.
        #expect(scratch.withUnsafeMutableBytes { server.readPlaintext(into: $0) } == .failed(error))
        #expect(!Array("x".utf8).withUnsafeBytes { server.writePlaintext($0) })
    }

    @Test func tamperedRecordFailsWithAnAlert() throws {
        let pair = try TLSPair(server: serverContext, client: clientContext)
        pair.pump()
        #expect(Array("secret move".utf8).withUnsafeBytes { pair.client.writePlaintext($0) })
        var record = [UInt8](repeating: 0, count: pair.client.pendingCiphertext)
        #expect(record.withUnsafeMutableBytes { pair.client.takeCiphertext(into: $0) } == record.count)
        record[record.count - 1] ^= 0x01  // inside the AEAD tag
        record.withUnsafeBytes { pair.server.receiveCiphertext($0) }
        var scratch = [UInt8](repeating: 0, count: 1024)
        let result = scratch.withUnsafeMutableBytes { pair.server.readPlaintext(into: $0) }
        guard case .failed(let error) = result else {
            Issue.record("expected .failed, got \(result)")
            return
        }
        #expect(error.openSSLErrors.contains("bad record mac") || error.openSSLErrors.contains("decryption failed"))
        // bad_record_mac (RFC 8446 section 6.2) waits to be sent before the socket is closed.
        #expect(pair.server.pendingCiphertext > 0)
    }

    @Test(arguments: ["localhost", "127.0.0.1"])
    func clientAcceptsTheTrustedCertificateByName(serverName: String) throws {
        let pair = try TLSPair(server: serverContext, client: clientContext, serverName: serverName)
        pair.pump()
        #expect(pair.client.isHandshakeComplete)
        #expect(pair.clientLast == .wantMore)
    }

    @Test func clientRejectsAHostNameMismatch() throws {
        let pair = try TLSPair(server: serverContext, client: clientContext, serverName: "example.com")
        pair.pump()
        guard case .failed(let error) = pair.clientLast else {
            Issue.record("expected .failed, got \(pair.clientLast)")
            return
        }
        #expect(error.description.contains("hostname mismatch"))
        #expect(!pair.client.isHandshakeComplete)
    }

    @Test func clientRejectsAnUntrustedCertificate() throws {
        let systemTrust = try TLSContext.client(verifyPeer: true, caFile: nil)
        let pair = try TLSPair(server: serverContext, client: systemTrust)
        pair.pump()
        guard case .failed(let error) = pair.clientLast else {
            Issue.record("expected .failed, got \(pair.clientLast)")
            return
        }
        #expect(error.description.contains("certificate verify failed"))
        #expect(error.description.contains("self-signed") || error.description.contains("self signed"))
    }

    @Test func drainedBuffersAreReleasedAfterABigTransfer() throws {
        let pair = try TLSPair(server: serverContext, client: clientContext)
        pair.pump()
        let big = Self.bytes(1 << 20, seed: 3)
        #expect(big.withUnsafeBytes { pair.client.writePlaintext($0) })
        #expect(pair.client.bufferedCapacity > 1 << 20)  // all of it sits in the write BIO
        pair.pump()
        #expect(pair.serverReceived == big)
        #expect(pair.client.bufferedCapacity < TLSSession.bufferReleaseThreshold)
        #expect(pair.server.bufferedCapacity < TLSSession.bufferReleaseThreshold)
        // Fresh BIOs keep working.
        #expect(pair.send(Array("after".utf8), fromClient: true))
        #expect(pair.send(Array("reply".utf8), fromClient: false))
        #expect(pair.serverReceived.suffix(5) == Array("after".utf8)[...])
        #expect(pair.clientReceived == Array("reply".utf8))
    }

    @Test func oneContextServesSessionsOnManyThreads() async throws {
        let server = serverContext
        let client = clientContext
        let results = try await withThrowingTaskGroup(of: Bool.self) { group in
            for index in 0..<8 {
                group.addTask {
                    let pair = try TLSPair(server: server, client: client)
                    let message = Self.bytes(10_000, seed: UInt64(index))
                    return pair.send(message, fromClient: true) && pair.serverReceived == message
                }
            }
            return try await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(results == [Bool](repeating: true, count: 8))
    }
}
