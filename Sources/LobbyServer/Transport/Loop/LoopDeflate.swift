import WebSocketCore

/// One event loop's permessage-deflate state: a single ``DeflateCodec`` for all its connections. That is enough
/// because the server always negotiates no context takeover in both directions (RFC 7692 7.1.1.1, 7.1.1.2), so
/// no connection keeps a compression window between messages; idle connections hold no zlib memory at all.
/// The codec is made on first use, so a loop that never compresses pays nothing. Loop thread only.
final class LoopDeflate {
    /// The loop's codec (its zlib streams are created on first use too).
    private(set) lazy var codec = DeflateCodec()

    /// An empty holder.
    init() {}
}
