import WebSocketCore

/// The per-connection state of the load engine, kept small because an idle run holds thousands: the socket, its
/// state, the unsent output and unparsed input (both malloc'd only while non-empty), and the frame reader.
/// The handshake's key and parser live elsewhere (``PendingHandshake``) and only while the upgrade is under way.
struct BenchConnection {
    /// The socket, or -1.
    var fd: Int32 = -1
    /// Life-cycle state.
    var state = ConnectionState.unused
    /// EPOLLOUT is registered (output is waiting for the socket to drain, or the connect is in progress).
    var watchingWritable = false
    /// Queued in the engine's dirty list for the next flush.
    var dirty = false
    /// When the connect was started (ns, monotonic), for the connect timeout.
    var startedNs: UInt64 = 0
    /// Frames not yet written (coalesced until the next flush).
    var output = ByteBuffer()
    /// Input not yet parsed: a partial frame header or control frame, or the partial 101 response.
    var carry = ByteBuffer()
    /// The RFC 6455 frame reader (client role: server frames must be unmasked).
    var reader: MessageReader

    /// A fresh, unstarted connection.
    init(maxMessageSize: Int) {
        reader = MessageReader(role: .client, maxMessageSize: maxMessageSize)
    }
}

/// The client side of an opening handshake in progress (RFC 6455 4.1).
struct PendingHandshake {
    /// The `Sec-WebSocket-Key` we sent; the response must carry its accept value.
    var key: String
    /// Incremental parser of the response head.
    var parser = HTTPResponseParser(maxHeaderBytes: 16384)
}
