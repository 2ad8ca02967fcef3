import WebSocketCore

/// permessage-deflate frames (RFC 7692 6, 7.2.1): compressed text and binary messages with RSV1 set.
///
/// Because every connection negotiates `server_no_context_takeover`, a message compresses to the same bytes for
/// every recipient (given the window size), so a broadcast is compressed once: ``deflated(codec:windowBits:)``
/// computes the compressed twin of a frame on first request, on whichever loop asks first, and every loop then
/// queues that same twin on its deflate connections. Only recipients that asked for a smaller server window
/// (`server_max_window_bits` below 15, which browsers never do) get a compression of their own.
extension SharedFrame {
    /// Messages shorter than this go out uncompressed (RSV1 clear, allowed per message by RFC 7692 6): the
    /// saving would be a few bytes for the cost of a compressor reset.
    static let deflateThreshold = 64

    /// Marks a twin that turned out not to be worth sending (the original goes out instead).
    private static let notDeflated = SharedFrame.make(count: 0) { _ in }

    /// A server-to-client frame of `payload` compressed with `codec` (RSV1 set, FIN set, unmasked), or nil when
    /// compressing does not pay: a payload under ``deflateThreshold`` bytes or one that does not shrink.
    static func deflatedWebSocket(
        _ opcode: Opcode, payload: UnsafeRawBufferPointer, codec: DeflateCodec, windowBits: Int
    ) -> SharedFrame? {
        guard payload.count >= deflateThreshold else { return nil }
        let compressed = codec.compress(payload, windowBits: windowBits)
        defer { codec.trim(.compressed) }  // copied into the frame below; a huge buffer is not kept
        guard compressed.count < payload.count else { return nil }
        let header = FrameEncoder.headerLength(payloadLength: compressed.count, masked: false)
        return make(count: header + compressed.count) { dst in
            _ = FrameEncoder.writeHeader(
                dst, opcode: opcode, fin: true, rsv: 0x40, payloadLength: compressed.count, maskKey: nil)
            (dst + header).copyMemory(from: compressed.baseAddress!, byteCount: compressed.count)
        }
    }

    /// What to queue instead of this frame for a connection that negotiated permessage-deflate with a server
    /// window of 2^`windowBits`: the compressed twin of an unfragmented text or binary frame, or the frame itself
    /// (control frames, HTTP bytes, short or incompressible messages).
    func deflated(codec: DeflateCodec, windowBits: Int) -> SharedFrame {
        guard let (opcode, payload) = dataPayload else { return self }
        guard windowBits == 15 else {
            return SharedFrame.deflatedWebSocket(opcode, payload: payload, codec: codec, windowBits: windowBits) ?? self
        }
        let twin =
            deflatedTwin.load()
            ?? deflatedTwin.storeIfNil(
                SharedFrame.deflatedWebSocket(opcode, payload: payload, codec: codec, windowBits: 15)
                    ?? SharedFrame.notDeflated)
        return twin === SharedFrame.notDeflated ? self : twin
    }

    /// The opcode and payload when these bytes are exactly one unmasked, final, uncompressed text or binary frame
    /// (what ``webSocket(_:payload:)`` builds); nil otherwise.
    private var dataPayload: (Opcode, UnsafeRawBufferPointer)? {
        guard count >= 2 else { return nil }
        let byte0 = baseAddress.load(as: UInt8.self)
        let byte1 = baseAddress.load(fromByteOffset: 1, as: UInt8.self)
        guard byte0 == 0x81 || byte0 == 0x82, byte1 & 0x80 == 0 else { return nil }
        var header = 2
        var length = Int(byte1)
        if length == 126 {
            guard count >= 4 else { return nil }
            length = Int(UInt16(bigEndian: baseAddress.loadUnaligned(fromByteOffset: 2, as: UInt16.self)))
            header = 4
        } else if length == 127 {
            guard count >= 10 else { return nil }
            let wide = UInt64(bigEndian: baseAddress.loadUnaligned(fromByteOffset: 2, as: UInt64.self))
            guard wide <= UInt64(Int.max) else { return nil }
            length = Int(wide)
            header = 10
        }
        guard header + length == count else { return nil }
        return (byte0 == 0x81 ? .text : .binary, UnsafeRawBufferPointer(start: baseAddress + header, count: length))
    }
}
