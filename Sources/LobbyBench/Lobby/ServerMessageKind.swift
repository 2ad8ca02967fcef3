import Glibc

/// The server messages the lobby scenario tells apart, found from the envelope's `type` without parsing the rest:
/// the server writes `type` first (docs/protocol.md, "Envelope"), so `{"type":"NAME"` is a prefix compare.
/// A message that does not start that way is parsed in full (``ParsedServerMessage``): the fast path is only an
/// optimisation, never a requirement on the server's member order.
enum ServerMessageKind: Equatable {
    /// `lobby:chat`: a chat delivery (the hot path: its marker is all that counts).
    case lobbyChat
    /// `connection.ack`: logged in.
    case connectionAck
    /// `connection.error`: the token was refused; the server closes with 4001.
    case connectionError
    /// `lobby:created`: the host's lobby exists.
    case lobbyCreated
    /// `lobby:joined`: a member is in.
    case lobbyJoined
    /// `lobby:chat:history`: a page of the lobby's chat.
    case lobbyHistory
    /// `system.error`: a request failed (its `replyTo` says which).
    case systemError
    /// Anything else (`lobby:update`, `lobby:player:join`, heartbeat answers, ...): ignored.
    case other

    /// The envelope's opening as the server writes it.
    private static let opening = Array(#"{"type":""#.utf8)
    /// The names we look for, each with its closing quote, and their kinds.
    private static let names: [([UInt8], ServerMessageKind)] = {
        let table: [(String, ServerMessageKind)] = [
            ("lobby:chat", .lobbyChat), ("connection.ack", .connectionAck), ("connection.error", .connectionError),
            ("lobby:created", .lobbyCreated), ("lobby:joined", .lobbyJoined), ("lobby:chat:history", .lobbyHistory),
            ("system.error", .systemError),
        ]
        return table.map { (Array(($0.0 + "\"").utf8), $0.1) }
    }()

    /// The kind from the opening bytes of `payload`, or nil when it does not start with `{"type":"`.
    @inline(__always)
    static func sniff(_ payload: UnsafeRawBufferPointer) -> ServerMessageKind? {
        guard let base = payload.baseAddress, payload.count > opening.count, matches(base, payload.count, opening)
        else { return nil }
        let name = base + opening.count
        let left = payload.count - opening.count
        for (bytes, kind) in names where matches(name, left, bytes) { return kind }
        return .other
    }

    /// Whether the `count` bytes at `base` start with `bytes`.
    @inline(__always)
    private static func matches(_ base: UnsafeRawPointer, _ count: Int, _ bytes: [UInt8]) -> Bool {
        count >= bytes.count && bytes.withUnsafeBytes { memcmp(base, $0.baseAddress!, $0.count) == 0 }
    }

    /// The kind of a `type` read by a full parse.
    init(type: String) {
        let bytes = Array((type + "\"").utf8)
        self = Self.names.first { $0.0 == bytes }?.1 ?? .other
    }
}
