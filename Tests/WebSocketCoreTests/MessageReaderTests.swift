import Testing

@testable import WebSocketCore

/// Well-formed traffic: every length encoding, fragmentation, control frames, close bodies, memory.
@Suite struct MessageReaderTests {
    static let sizes = [0, 1, 125, 126, 127, 65535, 65536, 1 << 20]

    /// A text payload of exactly `count` bytes with multi-byte characters mixed in.
    static func text(_ count: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        let sample = Array("héllo wörld € 😀 ".utf8)
        while bytes.count + sample.count <= count { bytes += sample }
        return bytes + [UInt8](repeating: 0x2E, count: count - bytes.count)
    }

    @Test(arguments: bothRoles, sizes)
    func unfragmentedRoundTrip(role: WebSocketRole, size: Int) {
        let textPayload = Self.text(size)
        let binaryPayload = seededBytes(size, seed: UInt64(size))
        let stream = peerFrame(to: role, .text, textPayload) + peerFrame(to: role, .binary, binaryPayload, seed: 1)
        let expected: [ReaderEvent] = [.text(textPayload), .binary(binaryPayload)]
        let whole = feedReader(stream, role: role)
        #expect(whole.events == expected)
        #expect(whole.zeroCopyEvents == 2)
        #expect(whole.reader.isIdle)
        #expect(readerEvents(stream, role: role, split: .chunks(4093)) == expected)
        #expect(readerEvents(stream, role: role, split: .random(seed: UInt64(size))) == expected)
        if size <= 65536 {
            #expect(readerEvents(stream, role: role, split: .byteByByte) == expected)
        }
    }

    @Test(arguments: bothRoles)
    func fragmentedMessagesAreJoined(role: WebSocketRole) {
        let euro = Array("€".utf8)
        // "a€" + "€b" with the euro signs split across fragment boundaries, plus an empty middle fragment.
        let stream =
            peerFrame(to: role, .text, [0x61, euro[0]], fin: false)
            + peerFrame(to: role, .continuation, [], fin: false)
            + peerFrame(to: role, .continuation, [euro[1], euro[2], euro[0]], fin: false)
            + peerFrame(to: role, .continuation, [euro[1], euro[2], 0x62])
            + peerFrame(to: role, .binary, [1, 2], fin: false) + peerFrame(to: role, .continuation, [3])
            + peerFrame(to: role, .text, [], fin: false) + peerFrame(to: role, .continuation, [])
        let expected: [ReaderEvent] = [.text(Array("a€€b".utf8)), .binary([1, 2, 3]), .text([])]
        for split in [ReaderSplit.whole, .byteByByte, .chunks(3), .random(seed: 5)] {
            #expect(readerEvents(stream, role: role, split: split) == expected)
        }
    }

    @Test(arguments: bothRoles)
    func controlFramesBetweenFragments(role: WebSocketRole) {
        let stream =
            peerFrame(to: role, .text, Array("frag".utf8), fin: false)
            + peerFrame(to: role, .ping, Array("p1".utf8))
            + peerFrame(to: role, .continuation, Array("ment".utf8), fin: false)
            + peerFrame(to: role, .pong, [])
            + peerFrame(to: role, .ping, [UInt8](repeating: 7, count: 125))
            + peerFrame(to: role, .continuation, Array("ed".utf8))
            + peerFrame(to: role, .close, FrameEncoder.closePayload(code: .normalClosure, reason: "bye"))
        let expected: [ReaderEvent] = [
            .ping(Array("p1".utf8)), .pong([]), .ping([UInt8](repeating: 7, count: 125)),
            .text(Array("fragmented".utf8)), .close(1000, Array("bye".utf8)),
        ]
        for split in [ReaderSplit.whole, .byteByByte, .chunks(5), .random(seed: 6)] {
            #expect(readerEvents(stream, role: role, split: split) == expected)
        }
    }

    @Test(arguments: bothRoles)
    func closeBodies(role: WebSocketRole) {
        #expect(readerEvents(peerFrame(to: role, .close, []), role: role) == [.close(nil, [])])
        for code: UInt16 in [
            1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 1012, 1013, 1014, 3000, 3999, 4000, 4999,
        ] {
            let body = [UInt8(code >> 8), UInt8(code & 0xFF)]
            #expect(readerEvents(peerFrame(to: role, .close, body), role: role) == [.close(code, [])])
        }
        let body = FrameEncoder.closePayload(code: .goingAway, reason: String(repeating: "ü", count: 80))
        #expect(body.count == 124)
        #expect(readerEvents(peerFrame(to: role, .close, body), role: role) == [.close(1001, Array(body[2...]))])
    }

    @Test func nonMinimalLengthEncodingsAreAccepted() {
        let payload = Array("hi".utf8)
        // Length 2 written in the 16-bit and in the 64-bit field (RFC 6455 5.2 leaves this legal for receivers).
        let sixteen: [UInt8] = [0x82, 0x7E, 0x00, 0x02] + payload
        let sixtyFour: [UInt8] = [0x82, 0x7F, 0, 0, 0, 0, 0, 0, 0, 2] + payload
        #expect(readerEvents(sixteen + sixtyFour, role: .client) == [.binary(payload), .binary(payload)])
        #expect(
            readerEvents(sixteen + sixtyFour, role: .client, split: .byteByByte) == [
                .binary(payload), .binary(payload),
            ])
    }

    @Test func manyFramesInOneBuffer() {
        var stream: [UInt8] = []
        var expected: [ReaderEvent] = []
        for i in 0..<500 {
            let payload = Array("message \(i)".utf8)
            stream += peerFrame(to: .server, .text, payload, seed: UInt32(i))
            expected.append(.text(payload))
        }
        let feeder = feedReader(stream, role: .server)
        #expect(feeder.events == expected)
        #expect(feeder.zeroCopyEvents == 500)
        #expect(feeder.pending.isEmpty)
    }

    @Test func partialFrameIsNotIdleUntilComplete() {
        let frame = peerFrame(to: .server, .binary, seededBytes(300, seed: 3))
        var feeder = ReaderFeeder(role: .server)
        feeder.feed(frame[..<1])
        #expect(feeder.reader.isIdle)  // only a partial header: nothing consumed, nothing held
        #expect(feeder.pending.count == 1)
        feeder.feed(frame[1..<100])
        #expect(!feeder.reader.isIdle)
        #expect(feeder.pending.isEmpty)  // header and partial payload were consumed into the assembly buffer
        feeder.feed(frame[100...])
        #expect(feeder.events == [.binary(seededBytes(300, seed: 3))])
        #expect(feeder.reader.isIdle)
        #expect(feeder.zeroCopyEvents == 0)
    }

    @Test func fragmentedMessageIsNotIdleBetweenFragments() {
        var feeder = ReaderFeeder(role: .client)
        feeder.feed(peerFrame(to: .client, .binary, [1], fin: false))
        #expect(!feeder.reader.isIdle)
        feeder.feed(peerFrame(to: .client, .ping, []))
        #expect(!feeder.reader.isIdle)
        feeder.feed(peerFrame(to: .client, .continuation, [2]))
        #expect(feeder.reader.isIdle)
        #expect(feeder.events == [.ping([]), .binary([1, 2])])
    }

    @Test func resetDropsPartialStateAndFailure() {
        var feeder = ReaderFeeder(role: .client)
        feeder.feed(peerFrame(to: .client, .text, [0x61], fin: false))
        #expect(feeder.reader.assembly != nil)
        feeder.reader.reset()
        #expect(feeder.reader.isIdle)
        #expect(feeder.reader.assembly == nil)
        // A continuation is now out of sequence again; after the failure, reset gives a working reader.
        feeder.feed(peerFrame(to: .client, .continuation, [0x62]))
        #expect(feeder.events == [.failure(1002)])
        feeder.reader.reset()
        feeder.failed = false
        feeder.pending = []
        feeder.feed(peerFrame(to: .client, .text, [0x63]))
        #expect(feeder.events == [.failure(1002), .text([0x63])])
    }

    @Test func assemblyStorageIsFreedAfterDelivery() {
        var feeder = ReaderFeeder(role: .client)
        let frame = peerFrame(to: .client, .binary, seededBytes(5000, seed: 1))
        feeder.feed(frame[..<2000])
        #expect(feeder.reader.assembly?.base != nil)
        feeder.feed(frame[2000...])
        #expect(feeder.events.count == 1)
        // Storage stays valid for the delivered event until the next call, which frees it.
        var offset = 0
        var empty: [UInt8] = []
        let event = empty.withUnsafeMutableBytes { feeder.reader.next($0, offset: &offset) }
        guard case .needMoreData = event else {
            Issue.record("expected needMoreData, got \(event)")
            return
        }
        #expect(feeder.reader.assembly?.base == nil)
    }

    @Test func readerStaysSmall() {
        // 10,000 idle connections must fit in well under 1 KiB each.
        #expect(MemoryLayout<MessageReader>.size <= 96)
    }
}
