import WebSocketCore

/// Per-connection HTTP state while the connection speaks HTTP: the incremental parser and a parsed head whose
/// body has not fully arrived. Dropped at the upgrade.
final class HTTPExchange {
    var parser: HTTPRequestParser
    /// A head already parsed, waiting for `contentLength` body bytes.
    var pendingHead: (head: HTTPRequestHead, headerLength: Int)?

    init(maxHeaderBytes: Int) {
        parser = HTTPRequestParser(maxHeaderBytes: maxHeaderBytes)
    }
}
