import Testing

@testable import WebSocketCore

/// RFC 6455 5.3 masking: the 8-byte kernel against a byte-at-a-time reference.
@Suite struct MaskTests {
    /// The obvious definition: byte i XOR key byte (phase + i) % 4, key bytes = big-endian bytes of the UInt32.
    func reference(_ bytes: [UInt8], key: UInt32, phase: Int) -> [UInt8] {
        let keyBytes = [UInt8(key >> 24), UInt8((key >> 16) & 0xFF), UInt8((key >> 8) & 0xFF), UInt8(key & 0xFF)]
        return bytes.enumerated().map { i, b in b ^ keyBytes[(phase + i) % 4] }
    }

    @Test func keyBytesGoOnTheWireBigEndian() {
        var zeros = [UInt8](repeating: 0, count: 9)
        let phase = zeros.withUnsafeMutableBytes { FrameEncoder.applyMask($0, key: 0x0102_0304) }
        #expect(zeros == [1, 2, 3, 4, 1, 2, 3, 4, 1])
        #expect(phase == 1)
        var header = [UInt8](repeating: 0, count: 6)
        _ = header.withUnsafeMutableBytes {
            FrameEncoder.writeHeader($0.baseAddress!, opcode: .text, fin: true, payloadLength: 0, maskKey: 0x0102_0304)
        }
        #expect(header == [0x81, 0x80, 1, 2, 3, 4])
    }

    @Test(arguments: 0..<4)
    func everyLengthPhaseAndAlignmentMatchesReference(phase: Int) {
        let key: UInt32 = 0xA1B2_C3D4
        for length in 0...80 {
            for misalign in 0..<8 {
                let original = seededBytes(length, seed: UInt64(length * 8 + misalign))
                var storage = [UInt8](repeating: 0xEE, count: length + misalign + 8)
                storage.replaceSubrange(misalign..<misalign + length, with: original)
                let after = storage.withUnsafeMutableBytes { all in
                    FrameEncoder.applyMask(
                        UnsafeMutableRawBufferPointer(rebasing: all[misalign..<misalign + length]), key: key,
                        phase: phase)
                }
                #expect(Array(storage[misalign..<misalign + length]) == reference(original, key: key, phase: phase))
                #expect(after == (phase + length) % 4)
                // Bytes around the range are untouched.
                #expect(storage[..<misalign].allSatisfy { $0 == 0xEE })
                #expect(storage[(misalign + length)...].allSatisfy { $0 == 0xEE })
            }
        }
    }

    @Test func maskingInPiecesEqualsMaskingAtOnce() {
        var rng = ReaderRandom(seed: 42)
        let original = seededBytes(1000, seed: 7)
        let key: UInt32 = 0x1234_5678
        for _ in 0..<50 {
            var pieces = original
            var phase = 0
            var start = 0
            pieces.withUnsafeMutableBytes { all in
                while start < all.count {
                    let end = min(all.count, start + Int.random(in: 1...37, using: &rng))
                    phase = FrameEncoder.applyMask(
                        UnsafeMutableRawBufferPointer(rebasing: all[start..<end]), key: key, phase: phase)
                    start = end
                }
            }
            #expect(pieces == reference(original, key: key, phase: 0))
        }
    }

    @Test func maskingTwiceRestores() {
        let original = seededBytes(333, seed: 9)
        var bytes = original
        bytes.withUnsafeMutableBytes { _ = FrameEncoder.applyMask($0, key: 0xDEAD_BEEF, phase: 3) }
        #expect(bytes != original)
        bytes.withUnsafeMutableBytes { _ = FrameEncoder.applyMask($0, key: 0xDEAD_BEEF, phase: 3) }
        #expect(bytes == original)
    }

    @Test func copyingKernelMatchesReference() {
        for length in [0, 1, 7, 8, 9, 31, 32, 33, 100] {
            for phase in 0..<4 {
                let source = seededBytes(length, seed: UInt64(length))
                var destination = [UInt8](repeating: 0, count: length)
                let after = source.withUnsafeBytes { s in
                    destination.withUnsafeMutableBytes { d in
                        Masking.xor(
                            from: s.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!,
                            to: d.baseAddress ?? UnsafeMutableRawPointer(bitPattern: 1)!, count: length,
                            key: 0xCAFE_F00D, phase: phase)
                    }
                }
                #expect(destination == reference(source, key: 0xCAFE_F00D, phase: phase))
                #expect(after == (phase + length) % 4)
            }
        }
    }
}
