import Testing

@testable import WebSocketCore

/// Seeded random input: never a crash, always ends in needMoreData or a failure, and split-independent.
@Suite struct MessageReaderFuzzTests {
    /// Feeds `bytes` whole and in random pieces; the events must agree and the run must end cleanly.
    func check(_ bytes: [UInt8], role: WebSocketRole, seed: UInt64, maxMessageSize: Int) {
        let whole = feedReader(bytes, role: role, maxMessageSize: maxMessageSize)
        // Ended in needMoreData (the loop stopped without failing) or in a failure, which is then the last event.
        if whole.failed {
            guard case .failure = whole.events.last else {
                Issue.record("failed without a failure event")
                return
            }
        }
        for (index, event) in whole.events.enumerated() {
            if case .failure = event { #expect(index == whole.events.count - 1) }
            if case .text(let bytes) = event { #expect(bytes.withUnsafeBytes { UTF8Validator.isValid($0) }) }
        }
        let pieces = feedReader(bytes, role: role, split: .random(seed: seed), maxMessageSize: maxMessageSize)
        #expect(pieces.events == whole.events, "seed \(seed)")
    }

    @Test(arguments: bothRoles)
    func garbageBytes(role: WebSocketRole) {
        for seed in UInt64(0)..<400 {
            check(seededBytes(Int(seed % 97) + 1, seed: seed), role: role, seed: seed, maxMessageSize: 512)
        }
    }

    /// Plausible frames with random header fields, so input gets past the first byte.
    static func randomFrames(to role: WebSocketRole, seed: UInt64) -> [UInt8] {
        var rng = ReaderRandom(seed: seed)
        var bytes: [UInt8] = []
        let opcodes: [UInt8] = [0, 1, 2, 8, 9, 10, 1, 2, 0, 0, 3, 11]
        let utf8Pieces: [[UInt8]] = [
            Array("abc".utf8), Array("é".utf8), Array("€".utf8), Array("😀".utf8), [0xE2], [0x82, 0xAC],
        ]
        for _ in 0..<Int.random(in: 1...12, using: &rng) {
            let opcode = opcodes.randomElement(using: &rng)!
            let fin = Int.random(in: 0..<3, using: &rng) != 0
            let rsv: UInt8 = Int.random(in: 0..<40, using: &rng) == 0 ? 0x40 : 0
            var payload: [UInt8]
            if Bool.random(using: &rng) {
                payload = (0..<Int.random(in: 0...8, using: &rng)).flatMap { _ in utf8Pieces.randomElement(using: &rng)!
                }
            } else {
                payload = (0..<Int.random(in: 0...300, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            }
            if opcode == 8 && payload.count >= 2 && Bool.random(using: &rng) { payload[0] = 0x03; payload[1] = 0xE8 }
            let masked = Int.random(in: 0..<20, using: &rng) == 0 ? role == .client : role == .server
            let key = UInt32.random(in: 0...UInt32.max, using: &rng)
            var frame = [UInt8](repeating: 0, count: FrameEncoder.maxHeaderLength + payload.count)
            let headerLength = frame.withUnsafeMutableBytes {
                FrameEncoder.writeHeader(
                    $0.baseAddress!, opcode: Opcode(rawValue: 1)!, fin: fin, payloadLength: payload.count,
                    maskKey: masked ? key : nil)
            }
            frame[0] = (fin ? 0x80 : 0) | rsv | opcode
            frame.replaceSubrange(headerLength..<headerLength + payload.count, with: payload)
            frame.removeLast(FrameEncoder.maxHeaderLength - headerLength)
            if masked {
                frame.withUnsafeMutableBytes {
                    _ = FrameEncoder.applyMask(UnsafeMutableRawBufferPointer(rebasing: $0[headerLength...]), key: key)
                }
            }
            // Now and then flip a bit anywhere.
            if Int.random(in: 0..<8, using: &rng) == 0 {
                frame[Int.random(in: 0..<frame.count, using: &rng)] ^= 1 << UInt8.random(in: 0..<8, using: &rng)
            }
            bytes += frame
        }
        if Bool.random(using: &rng) { bytes.removeLast(Int.random(in: 0..<min(bytes.count, 20), using: &rng)) }
        return bytes
    }

    @Test(arguments: bothRoles)
    func randomFrameStreams(role: WebSocketRole) {
        var sawMessages = 0
        var sawFailures = 0
        for seed in UInt64(0)..<600 {
            let bytes = Self.randomFrames(to: role, seed: seed)
            check(bytes, role: role, seed: seed, maxMessageSize: 700)
            let whole = feedReader(bytes, role: role, maxMessageSize: 700)
            sawMessages += whole.events.filter { if case .failure = $0 { false } else { true } }.count
            sawFailures += whole.failed ? 1 : 0
        }
        // The generator reaches both outcomes, so the checks above are not vacuous.
        #expect(sawMessages > 100)
        #expect(sawFailures > 100)
    }
}
