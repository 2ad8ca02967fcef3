import WebSocketCore

/// The conformance endpoint (`ECHO_PATH`, default `/echo`): every message goes back exactly as received, so a
/// standard tool such as the Autobahn testsuite can be pointed at the server. Off by default in production.
final class EchoHandler: WebSocketHandler {
    func webSocketDidOpen(_ connection: Connection, request: HTTPRequestHead) {}

    func webSocket(_ connection: Connection, didReceiveText text: UnsafeRawBufferPointer) {
        connection.sendText(text)
    }

    func webSocket(_ connection: Connection, didReceiveBinary data: UnsafeRawBufferPointer) {
        connection.sendBinary(data)
    }

    func webSocketDidClose(_ connection: Connection, code: CloseCode) {}

    /// The route, with its own (large) message limit.
    static func route(config: Config) -> WebSocketRoute {
        WebSocketRoute(path: config.echoPath, maxMessageSize: config.echoMaxMessageSize) { _ in EchoHandler() }
    }
}
