/// Which end of a WebSocket connection a ``MessageReader`` serves; it decides the masking rule (RFC 6455 5.1, 5.3).
public enum WebSocketRole: Sendable {
    /// The server end: every incoming frame MUST be masked, else the connection fails with 1002.
    case server
    /// The client end: incoming frames MUST NOT be masked, else the connection fails with 1002.
    case client

    /// Whether frames arriving at this end must carry a masking key.
    var expectsMaskedFrames: Bool { self == .server }
}
