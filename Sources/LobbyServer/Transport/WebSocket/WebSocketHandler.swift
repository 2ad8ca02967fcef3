import WebSocketCore

/// The application side of a WebSocket endpoint. One instance per loop, called only on that loop's thread, so
/// it may keep per-loop state without locks. Payload pointers are valid only during the call: copy what you keep.
protocol WebSocketHandler: AnyObject {
    /// The upgrade completed (the 101 is queued); the connection may send right away. `request` is the upgrade
    /// request (path, query, headers such as Authorization).
    func webSocketDidOpen(_ connection: Connection, request: HTTPRequestHead)
    /// A whole text message (UTF-8 already validated).
    func webSocket(_ connection: Connection, didReceiveText text: UnsafeRawBufferPointer)
    /// A whole binary message.
    func webSocket(_ connection: Connection, didReceiveBinary data: UnsafeRawBufferPointer)
    /// The connection is gone (close handshake, error, timeout or shutdown). Called exactly once per open.
    func webSocketDidClose(_ connection: Connection, code: CloseCode)
}
