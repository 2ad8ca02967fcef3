import Testing

@testable import WebSocketCore

/// Frame headers (RFC 6455 5.2) and close bodies (5.5.1).
@Suite struct FrameEncoderTests {
    @Test func headerLengthPicksTheLengthEncoding() {
        #expect(FrameEncoder.headerLength(payloadLength: 0, masked: false) == 2)
        #expect(FrameEncoder.headerLength(payloadLength: 125, masked: false) == 2)
        #expect(FrameEncoder.headerLength(payloadLength: 126, masked: false) == 4)
        #expect(FrameEncoder.headerLength(payloadLength: 65535, masked: false) == 4)
        #expect(FrameEncoder.headerLength(payloadLength: 65536, masked: false) == 10)
        #expect(FrameEncoder.headerLength(payloadLength: 125, masked: true) == 6)
        #expect(FrameEncoder.headerLength(payloadLength: 65535, masked: true) == 8)
        #expect(FrameEncoder.headerLength(payloadLength: 1 << 40, masked: true) == 14)
    }

    func header(_ opcode: Opcode, fin: Bool = true, rsv: UInt8 = 0, length: Int, key: UInt32? = nil) -> [UInt8] {
        var bytes = [UInt8](repeating: 0xAA, count: FrameEncoder.maxHeaderLength)
        let n = bytes.withUnsafeMutableBytes {
            FrameEncoder.writeHeader(
                $0.baseAddress!, opcode: opcode, fin: fin, rsv: rsv, payloadLength: length, maskKey: key)
        }
        #expect(n == FrameEncoder.headerLength(payloadLength: length, masked: key != nil))
        return Array(bytes[..<n])
    }

    @Test func writesExactHeaderBytes() {
        #expect(header(.text, length: 0) == [0x81, 0x00])
        #expect(header(.binary, fin: false, length: 125) == [0x02, 0x7D])
        #expect(header(.continuation, length: 126) == [0x80, 0x7E, 0x00, 0x7E])
        #expect(header(.binary, length: 65535) == [0x82, 0x7E, 0xFF, 0xFF])
        #expect(header(.binary, length: 65536) == [0x82, 0x7F, 0, 0, 0, 0, 0, 1, 0, 0])
        #expect(header(.ping, length: 5, key: 0x37FA_213D) == [0x89, 0x85, 0x37, 0xFA, 0x21, 0x3D])
        #expect(header(.text, rsv: 0x40, length: 1) == [0xC1, 0x01])
        #expect(header(.close, length: 2) == [0x88, 0x02])
        #expect(
            header(.binary, length: 0x0102_0304_0506, key: 1)
                == [0x82, 0xFF, 0, 0, 1, 2, 3, 4, 5, 6, 0, 0, 0, 1])
    }

    /// RFC 6455 5.7: a single-frame masked "Hello" and an unmasked one.
    @Test func matchesRFCExamples() {
        let hello = Array("Hello".utf8)
        #expect(FrameEncoder.frame(opcode: .text, payload: hello) == [0x81, 0x05, 0x48, 0x65, 0x6C, 0x6C, 0x6F])
        #expect(
            FrameEncoder.frame(opcode: .text, payload: hello, maskKey: 0x37FA_213D)
                == [0x81, 0x85, 0x37, 0xFA, 0x21, 0x3D, 0x7F, 0x9F, 0x4D, 0x51, 0x58])
        #expect(
            FrameEncoder.frame(opcode: .text, payload: Array("Hel".utf8), fin: false) == [0x01, 0x03, 0x48, 0x65, 0x6C])
        #expect(FrameEncoder.frame(opcode: .continuation, payload: Array("lo".utf8)) == [0x80, 0x02, 0x6C, 0x6F])
    }

    @Test func closePayloadCarriesCodeAndReason() {
        #expect(FrameEncoder.closePayload(code: .normalClosure, reason: "") == [0x03, 0xE8])
        #expect(FrameEncoder.closePayload(code: .messageTooBig, reason: "big") == [0x03, 0xF1, 0x62, 0x69, 0x67])
    }

    @Test func closePayloadTruncatesOnACodePointBoundary() {
        let ascii = FrameEncoder.closePayload(code: .goingAway, reason: String(repeating: "x", count: 200))
        #expect(ascii.count == 125)
        // 122 ASCII bytes then a 3-byte "€": it does not fit in 123, so it is dropped whole.
        let euro = FrameEncoder.closePayload(code: .goingAway, reason: String(repeating: "x", count: 122) + "€€")
        #expect(euro.count == 124)
        // 4-byte scalars: 30 of them fill 120 bytes, the 31st would straddle 123.
        let emoji = FrameEncoder.closePayload(code: .goingAway, reason: String(repeating: "😀", count: 40))
        #expect(emoji.count == 122)
        for body in [ascii, euro, emoji] {
            #expect(body.count <= 125)
            #expect(body.withUnsafeBytes { UTF8Validator.isValid(UnsafeRawBufferPointer(rebasing: $0[2...])) })
        }
        // Exactly 123 bytes is kept whole.
        let exact = FrameEncoder.closePayload(code: .goingAway, reason: String(repeating: "é", count: 61) + "x")
        #expect(exact.count == 125)
    }

    @Test func closeCodeWireValidityMatchesAutobahn() {
        // Autobahn 7.7.x (valid) and 7.9.x (invalid), plus the IANA codes 1012-1014 it no longer rejects.
        for code: UInt16 in [
            1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 1012, 1013, 1014, 3000, 3999, 4000, 4999,
        ] {
            #expect(CloseCode(rawValue: code).isValidOnWire, "\(code)")
        }
        for code: UInt16 in [0, 999, 1004, 1005, 1006, 1015, 1016, 1100, 2000, 2999, 5000, 65535] {
            #expect(!CloseCode(rawValue: code).isValidOnWire, "\(code)")
        }
    }
}
