import WebSocketCore

/// A plain HTTP request as a route handler sees it.
struct HTTPRequest {
    let head: HTTPRequestHead
    let body: [UInt8]
    /// The loop serving it (read-only uses such as counters).
    unowned(unsafe) let loop: EventLoop
}

/// A route handler's answer.
struct HTTPReply: Sendable {
    var status: Int
    var headers: [(String, String)]
    var body: [UInt8]

    init(status: Int, headers: [(String, String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A JSON body with its content type.
    static func json(_ status: Int, _ text: String) -> HTTPReply {
        HTTPReply(status: status, headers: [("Content-Type", "application/json")], body: Array(text.utf8))
    }

    /// A small JSON error body `{"error": "..."}`.
    static func error(_ status: Int, _ message: String, headers: [(String, String)] = []) -> HTTPReply {
        var reply = json(status, "{\"error\":\(JSONText.quote(message))}")
        reply.headers += headers
        return reply
    }
}

/// A plain HTTP route.
struct HTTPRoute: Sendable {
    let path: String
    /// Methods served (HEAD is served wherever GET is, without a body).
    let methods: Set<String>
    let handle: @Sendable (HTTPRequest) -> HTTPReply
}

/// A WebSocket route: its message-size limit and a factory making one handler per loop.
struct WebSocketRoute: Sendable {
    let path: String
    let maxMessageSize: Int
    let makeHandler: @Sendable (EventLoop) -> WebSocketHandler
    /// Checked before the handshake is answered: a reply refuses the upgrade (e.g. 429 for too many new
    /// connections from one address); nil admits it. Arguments: the peer address and the request.
    var admit: (@Sendable (String, HTTPRequestHead) -> HTTPReply?)? = nil
    /// When above 0, TCP_NOTSENT_LOWAT for this route's sockets: the kernel holds at most this many unsent bytes,
    /// so what waits stays in the connection's queue, where a newer game state can still replace an older one.
    var notSentLowWater = 0
}

/// The routing table, fixed at start.
struct Routes: Sendable {
    var http: [String: HTTPRoute] = [:]
    var webSocket: [String: WebSocketRoute] = [:]

    mutating func add(_ route: HTTPRoute) { http[route.path] = route }
    mutating func add(_ route: WebSocketRoute) { webSocket[route.path] = route }
}

/// Minimal JSON text helpers for hand-written bodies.
enum JSONText {
    /// A JSON string literal for `text`, escaping quotes, backslashes and control characters.
    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
