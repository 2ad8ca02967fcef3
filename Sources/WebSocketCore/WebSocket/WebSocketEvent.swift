/// One result of ``MessageReader/next(_:offset:)``.
///
/// Payload pointers are borrowed: they point either into the caller's input buffer (zero-copy delivery) or into the
/// reader's assembly buffer, and stay valid only until the next call to `next` or `reset`, or until the caller
/// changes or moves its buffer. Copy what must outlive that.
public enum WebSocketEvent {
    /// The input holds no complete event; append more bytes and call again.
    case needMoreData
    /// A whole text message (all fragments joined, masking removed), validated as UTF-8, unless
    /// ``MessageReader/lastMessageCompressed`` says it is permessage-deflate data still to inflate and validate.
    case text(UnsafeRawBufferPointer)
    /// A whole binary message (all fragments joined, masking removed); compressed when
    /// ``MessageReader/lastMessageCompressed`` says so.
    case binary(UnsafeRawBufferPointer)
    /// A ping (at most 125 bytes); the caller answers with a pong carrying the same payload (RFC 6455 5.5.2).
    case ping(UnsafeRawBufferPointer)
    /// A pong (at most 125 bytes), solicited or not (RFC 6455 5.5.3).
    case pong(UnsafeRawBufferPointer)
    /// A close frame. `code` is nil when the body is empty; otherwise it passed ``CloseCode/isValidOnWire`` and
    /// `reason` is valid UTF-8 (RFC 6455 5.5.1, 7.4).
    case close(code: UInt16?, reason: UnsafeRawBufferPointer)
    /// The peer broke the protocol. The caller sends a close frame with `code` and stops reading; the reader keeps
    /// returning this failure from then on.
    case failure(CloseCode, reason: String)
}
