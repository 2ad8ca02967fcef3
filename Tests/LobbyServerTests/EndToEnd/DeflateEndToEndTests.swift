import Foundation
import Testing
import WebSocketCore
@testable import LobbyServer

/// permessage-deflate (RFC 7692) over real sockets: negotiation with `--permessage-deflate` on and off,
/// compressed echoes, the RSV1 rules, the inflated-size limit (a zip bomb gets 1009, not memory) and broadcast.
@Suite struct DeflateEndToEndTests {
    static let response = "permessage-deflate; server_no_context_takeover; client_no_context_takeover"

    /// Compressible text the size of a chatty game message.
    static func json(_ count: Int) -> String {
        let unit = #"{"type":"state","players":[{"id":17,"x":10.5,"y":-3.25}],"tick":123456},"#
        return String(String(repeating: unit, count: count / unit.count + 1).prefix(count))
    }

    static func deflateServer(_ configure: @escaping (inout Config) -> Void = { _ in }) throws -> TestServer {
        try TestServer {
            $0.permessageDeflate = true
            configure(&$0)
        }
    }

    @Test func negotiatedMessagesAreEchoedCompressed() throws {
        let server = try Self.deflateServer()
        defer { server.stop() }
        let client = try DeflateTestClient(port: server.port)
        #expect(client.extensions == Self.response)
        let text = Self.json(5000) + " Grüße 🎲"
        client.sendCompressed(.text, Array(text.utf8))
        #expect(client.receive() == .text(text, compressed: true))
        let binary = Array(Self.json(3000).utf8) + [0, 255, 1]
        client.sendCompressed(.binary, binary)
        #expect(client.receive() == .binary(binary, compressed: true))
        // Uncompressed messages still work on a deflate connection (RSV1 is per message).
        client.client.sendText(text)
        #expect(client.receive() == .text(text, compressed: true))
        // Short or incompressible replies go out uncompressed.
        client.sendCompressed(.text, Array("hi".utf8))
        #expect(client.receive() == .text("hi", compressed: false))
        let noise = (0..<2000).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ $0 >> 3 &* 31) }
        let random = (0..<2000).map { _ in UInt8.random(in: 0...255) }
        client.client.sendFrame(.binary, random)
        #expect(client.receive() == .binary(random, compressed: false))
        client.sendCompressed(.binary, noise)
        if case .binary(let echoed, _) = client.receive() { #expect(echoed == noise) } else { Issue.record("no echo") }
        // The empty message (RFC 7692 7.2.3.6: payload 0x00).
        client.client.sendFrame(.text, [0x00], rsv: 0x40)
        #expect(client.receive() == .text("", compressed: false))
    }

    @Test func fragmentedCompressedMessageIsReassembledThenInflated() throws {
        let server = try Self.deflateServer()
        defer { server.stop() }
        let client = try DeflateTestClient(port: server.port)
        let text = Self.json(20_000)
        let compressed = client.compress(Array(text.utf8))
        let third = compressed.count / 3
        client.client.sendFrame(.text, Array(compressed[..<third]), fin: false, rsv: 0x40)
        client.client.sendFrame(.ping, [1])
        client.client.sendFrame(.continuation, Array(compressed[third..<(2 * third)]), fin: false)
        client.client.sendFrame(.continuation, Array(compressed[(2 * third)...]))
        #expect(client.receive() == .text(text, compressed: true))
    }

    @Test func serverWindowBitsOfferIsHonoured() throws {
        let server = try Self.deflateServer()
        defer { server.stop() }
        let client = try DeflateTestClient(port: server.port, offer: "permessage-deflate; server_max_window_bits=10")
        #expect(client.extensions == Self.response + "; server_max_window_bits=10")
        let text = Self.json(50_000)
        client.client.sendText(text)
        #expect(client.receive() == .text(text, compressed: true))
        // 8 cannot be honoured by zlib, so that offer is declined and the next one is taken.
        let second = try DeflateTestClient(
            port: server.port, offer: "permessage-deflate; server_max_window_bits=8, permessage-deflate")
        #expect(second.extensions == Self.response)
        let declined = try DeflateTestClient(port: server.port, offer: "permessage-deflate; server_max_window_bits=8")
        #expect(declined.extensions == nil)
    }

    /// RFC 7692 6.1: RSV1 only on the first frame of a data message.
    @Test(arguments: [
        ("RSV1 on a ping", FrameEncoder.frame(opcode: .ping, payload: [1], rsv: 0x40, maskKey: 9)),
        ("RSV1 on a close", FrameEncoder.frame(opcode: .close, payload: [0x03, 0xE8], rsv: 0x40, maskKey: 9)),
        ("RSV1 on a continuation",
         FrameEncoder.frame(opcode: .text, payload: [0xF2, 0x48], fin: false, rsv: 0x40, maskKey: 9)
            + FrameEncoder.frame(
                opcode: .continuation, payload: [0xCD, 0xC9, 0xC9, 0x07, 0x00], rsv: 0x40, maskKey: 9)),
        ("RSV2", FrameEncoder.frame(opcode: .text, payload: [0x00], rsv: 0x20, maskKey: 9)),
    ] as [(String, [UInt8])])
    func misplacedReservedBitsClose1002(name: String, bytes: [UInt8]) throws {
        let server = try Self.deflateServer()
        defer { server.stop() }
        let client = try DeflateTestClient(port: server.port)
        #expect(client.extensions != nil)
        client.client.send(bytes)
        #expect(client.closeCode() == .some(1002), "\(name)")
        #expect(client.client.waitForEOF(), "\(name)")
    }

    /// The limit is on the inflated size: 64 MiB of zeros compress to ~64 KB, under the 1 MiB limit on the wire.
    @Test func zipBombCloses1009() throws {
        let server = try Self.deflateServer { $0.echoMaxMessageSize = 1 << 20 }
        defer { server.stop() }
        let client = try DeflateTestClient(port: server.port)
        let bomb = client.compress([UInt8](repeating: 0, count: 64 << 20))
        #expect(bomb.count < 1 << 20)
        client.client.sendFrame(.binary, bomb, rsv: 0x40)
        #expect(client.closeCode(timeout: 10) == .some(1009))
        #expect(server.stats.protocolErrors.load() == 1)
        // Exactly at the limit is fine.
        let fits = try DeflateTestClient(port: server.port)
        let message = [UInt8](repeating: 0x61, count: 1 << 20)
        fits.sendCompressed(.binary, message)
        #expect(fits.receive(timeout: 10) == .binary(message, compressed: true))
    }

    @Test func badCompressedDataCloses1007() throws {
        let server = try Self.deflateServer()
        defer { server.stop() }
        // Inflates fine, but to invalid UTF-8 in a text message.
        let client = try DeflateTestClient(port: server.port)
        client.sendCompressed(.text, [0x61, 0xFF, 0xFE, 0x62] + Array(Self.json(200).utf8))
        #expect(client.closeCode() == .some(1007))
        // Not DEFLATE at all (BTYPE 11 is reserved).
        let garbage = try DeflateTestClient(port: server.port)
        garbage.client.sendFrame(.binary, [0xFF, 0xFF, 0xFF], rsv: 0x40)
        #expect(garbage.closeCode() == .some(1007))
        // A back reference into the previous message: we negotiated client_no_context_takeover.
        let takeover = try DeflateTestClient(port: server.port)
        takeover.client.sendFrame(.text, [0xF2, 0x48, 0xCD, 0xC9, 0xC9, 0x07, 0x00], rsv: 0x40)
        #expect(takeover.receive() == .text("Hello", compressed: false))
        takeover.client.sendFrame(.text, [0xF2, 0x00, 0x11, 0x00, 0x00], rsv: 0x40)
        #expect(takeover.closeCode() == .some(1007))
    }

    @Test func withTheFlagOffNothingIsNegotiatedAndRSV1Fails() throws {
        let server = try TestServer()
        defer { server.stop() }
        let client = try DeflateTestClient(port: server.port)
        #expect(client.extensions == nil)
        let text = Self.json(2000)
        client.client.sendText(text)
        #expect(client.receive() == .text(text, compressed: false))
        client.sendCompressed(.text, Array(text.utf8))
        #expect(client.closeCode() == .some(1002))
    }

    @Test func withoutAnOfferNothingIsNegotiated() throws {
        let server = try Self.deflateServer()
        defer { server.stop() }
        let client = try DeflateTestClient(port: server.port, offer: nil)
        #expect(client.extensions == nil)
        let text = Self.json(2000)
        client.client.sendText(text)
        #expect(client.receive() == .text(text, compressed: false))
        client.client.sendFrame(.text, client.compress(Array(text.utf8)), rsv: 0x40)
        #expect(client.closeCode() == .some(1002))
        let malformed = try DeflateTestClient(port: server.port, offer: "permessage-deflate; bogus")
        #expect(malformed.extensions == nil)
    }

    /// One broadcast, three recipients over two loops: the deflate ones get the compressed twin, the plain one
    /// the original frame.
    @Test func broadcastReachesDeflateAndPlainMembers() throws {
        let server = try Self.deflateServer()
        defer { server.stop() }
        let path = "/room?room=deflate"
        let members = try (0..<4).map { i in
            try DeflateTestClient(port: server.port, path: path, offer: i == 0 ? nil : DeflateTestClient.chromeOffer)
        }
        #expect(members.map { $0.extensions != nil } == [false, true, true, true])
        #expect(TestServer.eventually { server.stats.webSocketsOpen.load() == 4 })
        let text = Self.json(4000)
        members[1].sendCompressed(.text, Array(text.utf8))
        #expect(members[0].receive() == .text(text, compressed: false))
        for member in members[1...] { #expect(member.receive() == .text(text, compressed: true)) }
        members[0].client.sendText("short")
        for member in members { #expect(member.receive() == .text("short", compressed: false)) }
    }
}
