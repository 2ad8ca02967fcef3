/// Where one client connection is in its life.
enum ConnectionState: UInt8 {
    /// Not started yet.
    case unused
    /// TCP connect in progress.
    case connecting
    /// Upgrade request sent; waiting for the 101 response.
    case handshaking
    /// WebSocket open.
    case open
    /// Our close frame is sent; waiting for the server's (RFC 6455 5.5.1).
    case closing
    /// Socket closed, buffers freed.
    case done

    /// Counted in the engine's pending figure (connect or handshake under way).
    var isPending: Bool { self == .connecting || self == .handshaking }

    /// Counted in the engine's open figure.
    var isOpen: Bool { self == .open || self == .closing }

    /// Holds a socket.
    var hasSocket: Bool { self != .unused && self != .done }
}
