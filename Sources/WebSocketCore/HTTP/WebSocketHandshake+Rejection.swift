extension WebSocketHandshake {
    /// Why an upgrade request was refused: the response status, a short reason and any headers the response
    /// must carry (`Allow` for 405, `Sec-WebSocket-Version` for 426). Equatable by status and reason.
    public struct Rejection: Error, Sendable, Equatable {
        /// The HTTP status to answer with.
        public var status: Int
        /// A short human-readable reason (also used as the response body).
        public var reason: String
        /// Header fields the response must include.
        public var headers: [(String, String)]

        /// Creates a rejection.
        public init(status: Int, reason: String, headers: [(String, String)] = []) {
            self.status = status
            self.reason = reason
            self.headers = headers
        }

        /// Compares status and reason only.
        public static func == (lhs: Rejection, rhs: Rejection) -> Bool {
            lhs.status == rhs.status && lhs.reason == rhs.reason
        }

        /// The complete response: the status, `headers`, `Content-Type: text/plain`, the reason as body, and
        /// `Connection: close` (a failed handshake ends the connection).
        public func responseBytes() -> [UInt8] {
            HTTPResponse.bytes(
                status: status, headers: headers + [("Content-Type", "text/plain; charset=utf-8")],
                body: Array(reason.utf8), keepAlive: false)
        }
    }
}
