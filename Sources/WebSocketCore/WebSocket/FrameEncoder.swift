/// Writes RFC 6455 frames (section 5.2).
///
/// Masking keys are `UInt32` values whose big-endian bytes are the four key bytes in wire order: key `0x37FA213D`
/// is written as `37 FA 21 3D` and XORs payload byte `i` with key byte `(phase + i) % 4` (RFC 6455 5.3).
/// ``writeHeader(_:opcode:fin:rsv:payloadLength:maskKey:)`` and ``applyMask(_:key:phase:)`` agree on it, as does
/// ``MessageReader``.
public enum FrameEncoder {
    /// The longest possible header: 2 + 8 (64-bit length) + 4 (masking key).
    public static let maxHeaderLength = 14

    /// Header bytes for a payload of this length: 2, 4 or 10 (+4 if masked).
    @inlinable
    public static func headerLength(payloadLength: Int, masked: Bool) -> Int {
        let base = payloadLength < 126 ? 2 : payloadLength <= 0xFFFF ? 4 : 10
        return masked ? base + 4 : base
    }

    /// Writes a frame header at dst (which must have headerLength bytes); returns its length. rsv: the RSV1-3 bits
    /// (0 normally), pre-shifted as in byte 0 (0x40, 0x20, 0x10). Uses the minimal length encoding.
    @inlinable
    public static func writeHeader(
        _ dst: UnsafeMutableRawPointer, opcode: Opcode, fin: Bool, rsv: UInt8 = 0, payloadLength: Int,
        maskKey: UInt32?
    ) -> Int {
        precondition(payloadLength >= 0, "negative payload length")
        dst.storeBytes(of: (fin ? 0x80 : 0) | (rsv & 0x70) | opcode.rawValue, as: UInt8.self)
        let maskBit: UInt8 = maskKey == nil ? 0 : 0x80
        var length: Int
        if payloadLength < 126 {
            dst.storeBytes(of: maskBit | UInt8(payloadLength), toByteOffset: 1, as: UInt8.self)
            length = 2
        } else if payloadLength <= 0xFFFF {
            dst.storeBytes(of: maskBit | 126, toByteOffset: 1, as: UInt8.self)
            dst.storeBytes(of: UInt16(payloadLength).bigEndian, toByteOffset: 2, as: UInt16.self)
            length = 4
        } else {
            dst.storeBytes(of: maskBit | 127, toByteOffset: 1, as: UInt8.self)
            dst.storeBytes(of: UInt64(payloadLength).bigEndian, toByteOffset: 2, as: UInt64.self)
            length = 10
        }
        if let maskKey {
            dst.storeBytes(of: maskKey.bigEndian, toByteOffset: length, as: UInt32.self)
            length += 4
        }
        return length
    }

    /// XOR-masks bytes in place, key phase starting at `phase` (0-3) (RFC 6455 5.3). Returns the phase after the last
    /// byte, so a payload can be masked in pieces. Masking twice with the same key and phase restores the bytes.
    @discardableResult
    public static func applyMask(_ bytes: UnsafeMutableRawBufferPointer, key: UInt32, phase: Int = 0) -> Int {
        guard let base = bytes.baseAddress else { return phase & 3 }
        return Masking.xor(from: base, to: base, count: bytes.count, key: key, phase: phase & 3)
    }

    /// A complete frame (for clients, tests and control frames). maskKey non-nil produces a masked (client) frame.
    public static func frame(
        opcode: Opcode, payload: [UInt8], fin: Bool = true, rsv: UInt8 = 0, maskKey: UInt32? = nil
    ) -> [UInt8] {
        let headerSize = headerLength(payloadLength: payload.count, masked: maskKey != nil)
        return [UInt8](unsafeUninitializedCapacity: headerSize + payload.count) { buffer, initialized in
            let base = UnsafeMutableRawPointer(buffer.baseAddress!)
            _ = writeHeader(
                base, opcode: opcode, fin: fin, rsv: rsv, payloadLength: payload.count, maskKey: maskKey)
            let body = UnsafeMutableRawBufferPointer(start: base + headerSize, count: payload.count)
            payload.withUnsafeBytes { body.copyMemory(from: $0) }
            if let maskKey { applyMask(body, key: maskKey) }
            initialized = headerSize + payload.count
        }
    }

    /// A close frame body: 2-byte code + reason, the reason truncated to fit 123 bytes on a UTF-8 boundary
    /// (RFC 6455 5.5.1: control payloads are at most 125 bytes).
    public static func closePayload(code: CloseCode, reason: String) -> [UInt8] {
        var body: [UInt8] = [UInt8(code.rawValue >> 8), UInt8(code.rawValue & 0xFF)]
        let utf8 = Array(reason.utf8)
        var cut = min(utf8.count, 123)
        // Back up to a code point boundary: never end on a lead byte whose continuation bytes were cut off.
        while cut < utf8.count && cut > 0 && utf8[cut] & 0xC0 == 0x80 { cut -= 1 }
        body.append(contentsOf: utf8[..<cut])
        return body
    }
}
