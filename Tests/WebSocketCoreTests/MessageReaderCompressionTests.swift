import Testing

@testable import WebSocketCore

/// The reader with permessage-deflate negotiated (RFC 7692 6): RSV1 marks a compressed message on its first
/// frame only, compressed text is not UTF-8 checked by the reader, and the size limit has room for DEFLATE's
/// overhead on incompressible data.
@Suite struct MessageReaderCompressionTests {
    /// An event plus the reader's `lastMessageCompressed` right after it.
    struct Seen: Equatable, CustomStringConvertible {
        var event: ReaderEvent
        var compressed: Bool
        var description: String { "\(event)\(compressed ? " (compressed)" : "")" }
    }

    /// Feeds `bytes` cut as `split` to a reader with compression on; every event with its compressed flag.
    static func events(
        _ bytes: [UInt8], role: WebSocketRole = .server, split: ReaderSplit = .whole, maxMessageSize: Int = 1 << 24
    ) -> [Seen] {
        var feeder = ReaderFeeder(role: role, maxMessageSize: maxMessageSize)
        feeder.reader = MessageReader(role: role, maxMessageSize: maxMessageSize, compression: true)
        var seen: [Seen] = []
        for range in split.pieces(bytes.count) {
            feeder.pending.append(contentsOf: bytes[range])
            var offset = 0
            var input = feeder.pending
            while true {
                let recorded = input.withUnsafeMutableBytes { buffer in
                    feeder.record(feeder.reader.next(buffer, offset: &offset), input: buffer)
                }
                guard let recorded else { break }
                seen.append(Seen(event: recorded, compressed: feeder.reader.lastMessageCompressed))
                if case .failure = recorded { return seen }
            }
            feeder.pending = Array(input[offset...])
        }
        return seen
    }

    /// Expects the same events for every split.
    func expectEvents(
        _ bytes: [UInt8], role: WebSocketRole = .server, maxMessageSize: Int = 1 << 24, _ expected: [Seen],
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        for split in [ReaderSplit.whole, .byteByByte, .random(seed: 5)] {
            let seen = Self.events(bytes, role: role, split: split, maxMessageSize: maxMessageSize)
            #expect(seen == expected, "\(split)", sourceLocation: sourceLocation)
        }
    }

    static let helloDeflated: [UInt8] = [0xF2, 0x48, 0xCD, 0xC9, 0xC9, 0x07, 0x00]

    @Test(arguments: bothRoles)
    func rsv1MarksACompressedMessage(role: WebSocketRole) {
        let stream = peerFrame(to: role, .text, Self.helloDeflated, rsv: 0x40)
            + peerFrame(to: role, .text, Array("plain".utf8), seed: 1)
            + peerFrame(to: role, .binary, [1, 2, 3], rsv: 0x40, seed: 2)
            + peerFrame(to: role, .binary, [4], seed: 3)
        expectEvents(
            stream, role: role,
            [
                Seen(event: .text(Self.helloDeflated), compressed: true),
                Seen(event: .text(Array("plain".utf8)), compressed: false),
                Seen(event: .binary([1, 2, 3]), compressed: true), Seen(event: .binary([4]), compressed: false),
            ])
    }

    /// RFC 7692 7.2.3.1's fragmented "Hello": RSV1 on the first frame only, the payload split across frames.
    @Test func fragmentedCompressedMessageFromTheRFC() {
        let stream: [UInt8] = [0x41, 0x03, 0xF2, 0x48, 0xCD, 0x80, 0x04, 0xC9, 0xC9, 0x07, 0x00]
        expectEvents(stream, role: .client, [Seen(event: .text(Self.helloDeflated), compressed: true)])
        // With a ping in between, and inflated afterwards.
        let withPing = Array(stream[0..<5]) + peerFrame(to: .client, .ping, [7]) + Array(stream[5...])
        expectEvents(
            withPing, role: .client,
            [Seen(event: .ping([7]), compressed: true), Seen(event: .text(Self.helloDeflated), compressed: true)])
        let codec = DeflateCodec()  // owns the inflated bytes: keep it alive while they are read
        let inflated = Self.helloDeflated.withUnsafeBytes { payload -> [UInt8]? in
            guard case .message(let bytes) = codec.decompress(payload, maxSize: 100) else { return nil }
            return Array(bytes)
        }
        #expect(inflated == Array("Hello".utf8))
    }

    @Test(arguments: bothRoles)
    func compressedTextIsNotValidatedByTheReader(role: WebSocketRole) {
        // Compressed bytes are rarely valid UTF-8; the caller validates after inflating.
        let bytes: [UInt8] = [0xFF, 0xFE, 0xC0, 0xE2, 0x82]
        expectEvents(
            peerFrame(to: role, .text, bytes, rsv: 0x40), role: role, [Seen(event: .text(bytes), compressed: true)])
        let fragmented = peerFrame(to: role, .text, [0xFF, 0xE2], fin: false, rsv: 0x40)
            + peerFrame(to: role, .continuation, [0x82], seed: 1)
        expectEvents(fragmented, role: role, [Seen(event: .text([0xFF, 0xE2, 0x82]), compressed: true)])
        // Uncompressed text is still checked.
        expectEvents(
            peerFrame(to: role, .text, bytes), role: role, [Seen(event: .failure(1007), compressed: false)])
    }

    /// RFC 7692 6.1: RSV1 on a control frame or a non-first fragment fails the connection; RSV2/RSV3 stay
    /// reserved.
    @Test(arguments: bothRoles)
    func misplacedReservedBitsFail(role: WebSocketRole) {
        for opcode in [Opcode.ping, .pong, .close] {
            expectEvents(
                peerFrame(to: role, opcode, [], rsv: 0x40), role: role,
                [Seen(event: .failure(1002), compressed: false)])
        }
        let continuation = peerFrame(to: role, .text, [0x00], fin: false, rsv: 0x40)
            + peerFrame(to: role, .continuation, [0x00], rsv: 0x40, seed: 1)
        expectEvents(continuation, role: role, [Seen(event: .failure(1002), compressed: true)])
        let plainThenRSV1 = peerFrame(to: role, .binary, [1], fin: false)
            + peerFrame(to: role, .continuation, [2], rsv: 0x40, seed: 1)
        expectEvents(plainThenRSV1, role: role, [Seen(event: .failure(1002), compressed: false)])
        for rsv: UInt8 in [0x20, 0x10, 0x60, 0x50, 0x70] {
            expectEvents(
                peerFrame(to: role, .text, [0x00], rsv: rsv), role: role,
                [Seen(event: .failure(1002), compressed: false)])
        }
    }

    @Test func withoutCompressionRSV1StillFails() {
        let events = readerEvents(peerFrame(to: .server, .text, Self.helloDeflated, rsv: 0x40), role: .server)
        #expect(events == [.failure(1002)])
        #expect(MessageReader(role: .server, maxMessageSize: 10).lastMessageCompressed == false)
    }

    /// The limit applies to compressed payloads with DEFLATE's worst-case overhead allowed; uncompressed
    /// messages keep the exact limit.
    @Test func sizeLimitAllowsForDeflateOverhead() {
        let reader = MessageReader(role: .server, maxMessageSize: 1024, compression: true)
        #expect(reader.compressedSizeLimit == 1024 + 32 + 64)
        #expect(MessageReader(role: .server, maxMessageSize: Int.max).compressedSizeLimit == Int.max)
        let limit = reader.compressedSizeLimit
        let fits = [UInt8](repeating: 7, count: limit)
        expectEvents(
            peerFrame(to: .server, .binary, fits, rsv: 0x40), maxMessageSize: 1024,
            [Seen(event: .binary(fits), compressed: true)])
        expectEvents(
            peerFrame(to: .server, .binary, fits + [7], rsv: 0x40), maxMessageSize: 1024,
            [Seen(event: .failure(1009), compressed: false)])
        // Across fragments: the continuation inherits the compressed limit.
        let split = peerFrame(to: .server, .binary, Array(fits[..<1000]), fin: false, rsv: 0x40)
            + peerFrame(to: .server, .continuation, Array(fits[1000...]), seed: 1)
        expectEvents(split, maxMessageSize: 1024, [Seen(event: .binary(fits), compressed: true)])
        expectEvents(split, maxMessageSize: 1023, [Seen(event: .failure(1009), compressed: true)])
        // Uncompressed: the exact limit.
        expectEvents(
            peerFrame(to: .server, .binary, [UInt8](repeating: 7, count: 1025)), maxMessageSize: 1024,
            [Seen(event: .failure(1009), compressed: false)])
    }

    @Test func resetKeepsCompressionOn() {
        var reader = MessageReader(role: .client, maxMessageSize: 100, compression: true)
        reader.reset()
        #expect(reader.compression)
        var frame = peerFrame(to: .client, .text, Self.helloDeflated, rsv: 0x40)
        var offset = 0
        let event = frame.withUnsafeMutableBytes { reader.next($0, offset: &offset) }
        guard case .text(let payload) = event else {
            Issue.record("expected text, got \(event)")
            return
        }
        #expect(Array(payload) == Self.helloDeflated && reader.lastMessageCompressed)
    }

    /// Seeded random frame streams (some with RSV1) with compression on: split-independent, failures last, and
    /// text that is not marked compressed is valid UTF-8.
    @Test(arguments: bothRoles)
    func randomFrameStreamsWithCompression(role: WebSocketRole) {
        var compressedMessages = 0
        for seed in UInt64(0)..<600 {
            let bytes = MessageReaderFuzzTests.randomFrames(to: role, seed: seed)
            let whole = Self.events(bytes, role: role, maxMessageSize: 700)
            for (index, seen) in whole.enumerated() {
                if case .failure = seen.event { #expect(index == whole.count - 1) }
                if case .text(let text) = seen.event, !seen.compressed {
                    #expect(text.withUnsafeBytes { UTF8Validator.isValid($0) })
                }
                if case .text = seen.event, seen.compressed { compressedMessages += 1 }
                if case .binary = seen.event, seen.compressed { compressedMessages += 1 }
            }
            let pieces = Self.events(bytes, role: role, split: .random(seed: seed), maxMessageSize: 700)
            #expect(pieces == whole, "seed \(seed)")
        }
        #expect(compressedMessages > 5)  // the generator's RSV1 frames get through
    }

    @Test func readerStaysSmallWithCompression() {
        #expect(MemoryLayout<MessageReader>.size <= 88)
    }
}
