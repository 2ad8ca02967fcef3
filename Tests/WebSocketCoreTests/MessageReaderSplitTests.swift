import Testing

@testable import WebSocketCore

/// The same bytes give the same events however they are cut into reads.
@Suite struct MessageReaderSplitTests {
    /// A stream exercising every path: zero-copy frames, straddling frames, fragments with control frames in
    /// between, every length encoding, close.
    static func mixedStream(to role: WebSocketRole) -> (bytes: [UInt8], expected: [ReaderEvent]) {
        var bytes: [UInt8] = []
        var expected: [ReaderEvent] = []
        var seed: UInt32 = 0
        func add(_ opcode: Opcode, _ payload: [UInt8], fin: Bool = true) {
            seed += 1
            bytes += peerFrame(to: role, opcode, payload, fin: fin, seed: seed)
        }
        for size in [0, 1, 7, 125, 126, 200, 65535, 65536, 70000] {
            let text = MessageReaderTests.text(size)
            add(.text, text)
            expected.append(.text(text))
            let binary = seededBytes(size, seed: UInt64(size))
            add(.binary, binary)
            expected.append(.binary(binary))
        }
        let message = MessageReaderTests.text(3000)
        add(.text, Array(message[..<1001]), fin: false)
        add(.ping, Array("are you there".utf8))
        expected.append(.ping(Array("are you there".utf8)))
        add(.continuation, Array(message[1001..<2999]), fin: false)
        add(.pong, [])
        expected.append(.pong([]))
        add(.continuation, Array(message[2999...]))
        expected.append(.text(message))
        add(.close, FrameEncoder.closePayload(code: .goingAway, reason: "server restart ♻"))
        expected.append(.close(1001, Array("server restart ♻".utf8)))
        return (bytes, expected)
    }

    @Test(arguments: bothRoles)
    func everySplitGivesTheSameEvents(role: WebSocketRole) {
        let (bytes, expected) = Self.mixedStream(to: role)
        #expect(readerEvents(bytes, role: role) == expected)
        #expect(readerEvents(bytes, role: role, split: .byteByByte) == expected)
        for size in [2, 3, 13, 14, 15, 1000, 4096] {
            #expect(readerEvents(bytes, role: role, split: .chunks(size)) == expected, "chunks(\(size))")
        }
        for seed in UInt64(0)..<25 {
            #expect(readerEvents(bytes, role: role, split: .random(seed: seed)) == expected, "seed \(seed)")
        }
    }

    @Test(arguments: bothRoles)
    func failuresHappenAtTheSameEventWhateverTheSplit(role: WebSocketRole) {
        let (bytes, expected) = Self.mixedStream(to: role)
        let bad = bytes + peerFrame(to: role, .text, [0x61, 0xED, 0xA0, 0x80]) + peerFrame(to: role, .ping, [])
        for split in [ReaderSplit.whole, .byteByByte, .chunks(777), .random(seed: 99)] {
            #expect(readerEvents(bad, role: role, split: split) == expected + [.failure(1007)])
        }
    }
}
