/// Frame header decoding (RFC 6455 5.2) with every header-level rule, checked in wire order as soon as the bytes it
/// needs are present.
extension MessageReader {
    /// Decodes the header at `p` (with `available` bytes readable) against the reader's role and message state.
    /// Consumes nothing.
    func parseHeader(_ p: UnsafeMutableRawPointer, available: Int) -> FrameHeader.Parse {
        guard available >= 1 else { return .needMoreData }
        let byte0 = p.load(as: UInt8.self)
        // RFC 6455 5.2: RSV1-3 MUST be 0 unless an extension defining them was negotiated. permessage-deflate
        // (RFC 7692 6) defines RSV1 only.
        let rsv = byte0 & 0x70
        if rsv != 0 && !(compression && rsv == 0x40) {
            return .failure(.protocolError, "reserved bits set without a negotiated extension")
        }
        guard let opcode = Opcode(rawValue: byte0 & 0x0F) else {
            return .failure(.protocolError, "reserved opcode \(byte0 & 0x0F)")
        }
        // RFC 7692 6.1: the "Per-Message Compressed" bit belongs on the first frame of a data message only.
        if rsv != 0 && opcode != .text && opcode != .binary {
            return .failure(.protocolError, "RSV1 set on a control or continuation frame")
        }
        let fin = byte0 & 0x80 != 0
        if let violation = sequenceViolation(opcode, fin: fin) { return .failure(.protocolError, violation) }

        guard available >= 2 else { return .needMoreData }
        let byte1 = p.load(fromByteOffset: 1, as: UInt8.self)
        let masked = byte1 & 0x80 != 0
        // RFC 6455 5.1: clients mask every frame, servers mask none.
        if masked != role.expectsMaskedFrames {
            return .failure(.protocolError, masked ? "masked frame from the server" : "unmasked frame from a client")
        }
        var length = Int(byte1 & 0x7F)
        var headerLength = 2
        // RFC 6455 5.5: control frames carry at most 125 bytes, so never an extended length.
        if opcode.isControl && length > 125 { return .failure(.protocolError, "control frame longer than 125 bytes") }
        if length == 126 {
            guard available >= 4 else { return .needMoreData }
            length = Int(UInt16(bigEndian: p.loadUnaligned(fromByteOffset: 2, as: UInt16.self)))
            headerLength = 4
        } else if length == 127 {
            guard available >= 3 else { return .needMoreData }
            // RFC 6455 5.2: the most significant bit of the 64-bit length MUST be 0.
            if p.load(fromByteOffset: 2, as: UInt8.self) & 0x80 != 0 {
                return .failure(.protocolError, "64-bit payload length with the most significant bit set")
            }
            guard available >= 10 else { return .needMoreData }
            length = Int(UInt64(bigEndian: p.loadUnaligned(fromByteOffset: 2, as: UInt64.self)))
            headerLength = 10
        }
        // Non-minimal length encodings are legal (RFC 6455 5.2 only says "minimal number of bytes MUST be used" for
        // senders); accept them. Size is checked before any payload is buffered.
        let compressed = opcode == .continuation ? messageCompressed : rsv != 0
        if !opcode.isControl {
            let assembled = message == .none ? 0 : assembly?.count ?? 0
            let limit = compressed ? compressedSizeLimit : maxMessageSize
            if length > limit - assembled {
                let what = compressed ? "compressed frame" : "frame"
                let reason = "\(what) of \(length) bytes after \(assembled) exceeds maxMessageSize \(maxMessageSize)"
                return .failure(.messageTooBig, reason)
            }
        }
        var maskKey: UInt32 = 0
        if masked {
            guard available >= headerLength + 4 else { return .needMoreData }
            maskKey = UInt32(bigEndian: p.loadUnaligned(fromByteOffset: headerLength, as: UInt32.self))
            headerLength += 4
        }
        return .header(
            FrameHeader(
                opcode: opcode, fin: fin, compressed: compressed, masked: masked, maskKey: maskKey,
                payloadLength: length, headerLength: headerLength))
    }

    /// The fragmentation rule a frame with this opcode and FIN would break, if any (RFC 6455 5.4, 5.5).
    func sequenceViolation(_ opcode: Opcode, fin: Bool) -> String? {
        switch opcode {
        case .continuation:
            return message == .none ? "continuation frame without a message in progress" : nil
        case .text, .binary:
            return message == .none ? nil : "new data frame while a fragmented message is in progress"
        case .close, .ping, .pong:
            return fin ? nil : "fragmented control frame"
        }
    }
}
