import Testing

@testable import WebSocketCore

/// Every protocol rule the reader enforces (RFC 6455 5.x, 7.4, 8.1), each as whole input and byte by byte.
@Suite struct MessageReaderErrorTests {
    /// Asserts `stream` yields exactly `expected` whatever the split, and that the reader stays failed.
    func expectEvents(
        _ stream: [UInt8], role: WebSocketRole, _ expected: [ReaderEvent], maxMessageSize: Int = 1 << 24,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        for split in [ReaderSplit.whole, .byteByByte, .random(seed: 11)] {
            let feeder = feedReader(stream, role: role, split: split, maxMessageSize: maxMessageSize)
            #expect(feeder.events == expected, "\(split)", sourceLocation: sourceLocation)
            if case .failure(let code) = expected.last {
                // Sticky: the next call reports the same failure without reading.
                var reader = feeder.reader
                var offset = 0
                var more = peerFrame(to: role, .ping, [])
                let again = more.withUnsafeMutableBytes { reader.next($0, offset: &offset) }
                guard case .failure(let repeated, _) = again else {
                    Issue.record("failure was not sticky: \(again)", sourceLocation: sourceLocation)
                    continue
                }
                #expect(repeated.rawValue == code, sourceLocation: sourceLocation)
                #expect(offset == 0, sourceLocation: sourceLocation)
            }
        }
    }

    @Test(arguments: bothRoles, [UInt8(0x40), 0x20, 0x10, 0x70])
    func reservedBitsFail(role: WebSocketRole, rsv: UInt8) {
        expectEvents(peerFrame(to: role, .text, Array("x".utf8), rsv: rsv), role: role, [.failure(1002)])
        expectEvents(peerFrame(to: role, .ping, [], rsv: rsv), role: role, [.failure(1002)])
        // After a good message the bad one still fails, and the good one was delivered first.
        expectEvents(
            peerFrame(to: role, .binary, [1]) + peerFrame(to: role, .binary, [2], rsv: rsv), role: role,
            [.binary([1]), .failure(1002)])
    }

    @Test(arguments: bothRoles, [UInt8(3), 4, 5, 6, 7, 0xB, 0xC, 0xD, 0xE, 0xF])
    func reservedOpcodesFail(role: WebSocketRole, opcode: UInt8) {
        expectEvents(rawHeader(to: role, byte0: 0x80 | opcode, length7: 0), role: role, [.failure(1002)])
        // Detected from the first byte alone.
        expectEvents([0x80 | opcode], role: role, [.failure(1002)])
    }

    @Test(arguments: bothRoles)
    func controlFrameRules(role: WebSocketRole) {
        // 126 bytes (needs the 16-bit length field): too long for a control frame.
        expectEvents(peerFrame(to: role, .ping, [UInt8](repeating: 0, count: 126)), role: role, [.failure(1002)])
        expectEvents(peerFrame(to: role, .pong, [UInt8](repeating: 0, count: 300)), role: role, [.failure(1002)])
        expectEvents(rawHeader(to: role, byte0: 0x88, length7: 127), role: role, [.failure(1002)])
        // Fragmented control frames.
        for opcode in [Opcode.ping, .pong, .close] {
            expectEvents(peerFrame(to: role, opcode, [], fin: false), role: role, [.failure(1002)])
        }
    }

    @Test(arguments: bothRoles)
    func fragmentSequenceRules(role: WebSocketRole) {
        expectEvents(peerFrame(to: role, .continuation, [1]), role: role, [.failure(1002)])
        expectEvents(peerFrame(to: role, .continuation, [1], fin: false), role: role, [.failure(1002)])
        for opcode in [Opcode.text, .binary] {
            expectEvents(
                peerFrame(to: role, .binary, [1], fin: false) + peerFrame(to: role, opcode, [2]), role: role,
                [.failure(1002)])
        }
        // A finished message ends the sequence: a continuation afterwards is an error.
        expectEvents(
            peerFrame(to: role, .text, [0x61], fin: false) + peerFrame(to: role, .continuation, [0x62])
                + peerFrame(to: role, .continuation, [0x63]), role: role, [.text([0x61, 0x62]), .failure(1002)])
    }

    @Test(arguments: bothRoles)
    func sixtyFourBitLengthWithTopBitFails(role: WebSocketRole) {
        let header = rawHeader(to: role, byte0: 0x82, length7: 127, extended: [0x80, 0, 0, 0, 0, 0, 0, 1])
        expectEvents(header, role: role, [.failure(1002)])
        // Decided on the first length byte, before the rest of the header.
        expectEvents(Array(header[..<3]), role: role, [.failure(1002)])
    }

    @Test func maskingRuleDependsOnRole() {
        expectEvents(peerFrame(to: .client, .text, Array("hi".utf8)), role: .server, [.failure(1002)])
        expectEvents(peerFrame(to: .server, .text, Array("hi".utf8)), role: .client, [.failure(1002)])
        expectEvents(peerFrame(to: .client, .close, []), role: .server, [.failure(1002)])
        // Two bytes are enough to decide.
        expectEvents([0x81, 0x02], role: .server, [.failure(1002)])
        expectEvents([0x81, 0x82], role: .client, [.failure(1002)])
    }

    @Test(arguments: bothRoles)
    func oversizedMessageFailsOnTheHeader(role: WebSocketRole) {
        let limit = 1000
        // Only the header of an oversized frame: 1009 before any payload arrives.
        let big = peerFrame(to: role, .binary, [UInt8](repeating: 1, count: 1001))
        let headerLength = FrameEncoder.headerLength(payloadLength: 1001, masked: role == .server)
        expectEvents(Array(big[..<headerLength]), role: role, [.failure(1009)], maxMessageSize: limit)
        // A 64-bit length near Int.max must not overflow the check.
        let huge = rawHeader(
            to: role, byte0: 0x82, length7: 127, extended: [0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF])
        expectEvents(huge, role: role, [.failure(1009)], maxMessageSize: limit)
        // Exactly the limit is fine; fragments are summed.
        let exact = [UInt8](repeating: 2, count: limit)
        expectEvents(peerFrame(to: role, .binary, exact), role: role, [.binary(exact)], maxMessageSize: limit)
        let first = peerFrame(to: role, .binary, [UInt8](repeating: 3, count: 600), fin: false)
        let second = peerFrame(to: role, .continuation, [UInt8](repeating: 3, count: 401))
        let secondHeader = FrameEncoder.headerLength(payloadLength: 401, masked: role == .server)
        expectEvents(first + second[..<secondHeader], role: role, [.failure(1009)], maxMessageSize: limit)
        // Control frames are allowed in between and do not count.
        let fits = peerFrame(to: role, .continuation, [UInt8](repeating: 3, count: 400))
        expectEvents(
            first + peerFrame(to: role, .ping, [UInt8](repeating: 0, count: 125)) + fits, role: role,
            [.ping([UInt8](repeating: 0, count: 125)), .binary([UInt8](repeating: 3, count: 1000))],
            maxMessageSize: limit)
    }

    @Test(arguments: bothRoles)
    func invalidTextFails(role: WebSocketRole) {
        // Whole frame, zero-copy path.
        expectEvents(peerFrame(to: role, .text, [0x61, 0xC0, 0xAF]), role: role, [.failure(1007)])
        // A complete message that ends inside a code point.
        expectEvents(peerFrame(to: role, .text, [0x61, 0xE2, 0x82]), role: role, [.failure(1007)])
        expectEvents(
            peerFrame(to: role, .text, [0x61], fin: false) + peerFrame(to: role, .continuation, [0xE2, 0x82]),
            role: role, [.failure(1007)])
        // Binary messages are not validated.
        expectEvents(peerFrame(to: role, .binary, [0xFF, 0xC0]), role: role, [.binary([0xFF, 0xC0])])
    }

    /// Autobahn 6.4.1: an invalid sequence in the second fragment fails before the third fragment is sent.
    @Test(arguments: bothRoles)
    func invalidFragmentFailsBeforeTheRestArrives(role: WebSocketRole) {
        var feeder = ReaderFeeder(role: role)
        feeder.feed(peerFrame(to: role, .text, UTF8ValidatorTests.kosme, fin: false))
        #expect(feeder.events.isEmpty && !feeder.failed)
        feeder.feed(peerFrame(to: role, .continuation, [0xF4, 0x90, 0x80, 0x80], fin: false))
        #expect(feeder.events == [.failure(1007)])
    }

    /// Autobahn 6.4.3/6.4.4: one frame sent in chops; the chop carrying the invalid byte fails at once, although the
    /// frame (and its length) is not complete.
    @Test(arguments: bothRoles)
    func invalidBytesFailInsideAPartialFrame(role: WebSocketRole) {
        let payload = UTF8ValidatorTests.kosme + [0xF4, 0x90, 0x80, 0x80] + Array("edited".utf8)
        let frame = peerFrame(to: role, .text, payload)
        let header = frame.count - payload.count
        var feeder = ReaderFeeder(role: role)
        feeder.feed(frame[..<(header + 11)])
        #expect(feeder.events.isEmpty && !feeder.failed)
        feeder.feed(frame[(header + 11)..<(header + 13)])  // F4 90: already impossible
        #expect(feeder.events == [.failure(1007)])
        // Same with a big frame whose tail is far away.
        var big = ReaderFeeder(role: role)
        let long = peerFrame(to: role, .text, Array("ok".utf8) + [0xFF] + [UInt8](repeating: 0x61, count: 100_000))
        big.feed(long[..<50])
        #expect(big.events == [.failure(1007)])
    }

    @Test(arguments: bothRoles)
    func closeBodyRules(role: WebSocketRole) {
        expectEvents(peerFrame(to: role, .close, [0x03]), role: role, [.failure(1002)])
        for code: UInt16 in [0, 999, 1004, 1005, 1006, 1015, 1016, 1100, 2000, 2999, 5000, 65535] {
            expectEvents(
                peerFrame(to: role, .close, [UInt8(code >> 8), UInt8(code & 0xFF)]), role: role, [.failure(1002)])
        }
        expectEvents(peerFrame(to: role, .close, [0x03, 0xE8, 0x61, 0xFF]), role: role, [.failure(1007)])
        expectEvents(peerFrame(to: role, .close, [0x03, 0xE8, 0xED, 0xA0, 0x80]), role: role, [.failure(1007)])
        expectEvents(peerFrame(to: role, .close, [0x03, 0xE8, 0xE2, 0x82]), role: role, [.failure(1007)])
    }
}
