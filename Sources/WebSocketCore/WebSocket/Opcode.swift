/// A WebSocket frame opcode (RFC 6455 section 5.2). Reserved values (3-7, 11-15) have no case: a frame that
/// carries one is a protocol error (1002).
public enum Opcode: UInt8, Sendable {
    /// A continuation fragment of a text or binary message.
    case continuation = 0x0
    /// The first (or only) frame of a UTF-8 text message.
    case text = 0x1
    /// The first (or only) frame of a binary message.
    case binary = 0x2
    /// Close frame: optional 2-byte status code and UTF-8 reason.
    case close = 0x8
    /// Ping: the peer must answer with a pong carrying the same payload.
    case ping = 0x9
    /// Pong: the answer to a ping, or an unsolicited heartbeat.
    case pong = 0xA

    /// Control frames (close, ping, pong) are at most 125 bytes and never fragmented (RFC 6455 5.5).
    @inlinable public var isControl: Bool { rawValue & 0x8 != 0 }
}
