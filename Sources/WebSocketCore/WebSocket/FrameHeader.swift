/// A decoded frame header (RFC 6455 5.2), produced by ``MessageReader`` once all its bytes have arrived and every
/// header-level rule has passed.
struct FrameHeader {
    /// The frame's opcode (never a reserved value: those fail before a header exists).
    var opcode: Opcode
    /// FIN: this frame ends its message.
    var fin: Bool
    /// The message is permessage-deflate compressed: RSV1 on its first frame, or inherited by a continuation
    /// (RFC 7692 6). Always false for control frames.
    var compressed: Bool
    /// Whether a masking key follows the length.
    var masked: Bool
    /// The masking key; its big-endian bytes are the four key bytes in wire order. 0 when unmasked.
    var maskKey: UInt32
    /// Payload bytes announced by the header (at most 2^63 - 1).
    var payloadLength: Int
    /// Bytes taken by the header itself: 2, 4 or 10, plus 4 when masked.
    var headerLength: Int

    /// The outcome of trying to decode a header from the bytes at hand.
    enum Parse {
        /// Too few bytes to decide; nothing is consumed.
        case needMoreData
        /// A header-level rule was broken.
        case failure(CloseCode, String)
        /// A complete, valid header.
        case header(FrameHeader)
    }
}
