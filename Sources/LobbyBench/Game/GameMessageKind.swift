import Glibc

/// The server messages the game scenario tells apart, found from the envelope's first bytes (`{"type":"NAME"`: the
/// server writes `type` first, docs/protocol.md "Envelope"). `game:state` is the hot path (about 500,000 a second
/// at the target load) and is never parsed as a tree; the rest are rare and parsed in full. A message that does
/// not start with `{"type":"` is parsed in full too, so the fast path never depends on the member order.
enum GameMessageKind: Equatable {
    /// `game:state`: a snapshot (scanned by ``GameStateFrame``).
    case state
    /// `connection.ack`: logged in.
    case connectionAck
    /// `connection.error`: the token was refused.
    case connectionError
    /// `lobby:created`: the creator's lobby exists.
    case lobbyCreated
    /// `lobby:joined`: the second player is in.
    case lobbyJoined
    /// `lobby:update`: the lobby changed (a rematch waits for `finished`).
    case lobbyUpdate
    /// `game:start`: a game began for this connection (player or spectator).
    case gameStart
    /// `game:end`: the game is over.
    case gameEnd
    /// `game:pause`: a player's last connection dropped.
    case gamePause
    /// `system.error`: a request failed (its `replyTo` says which; none for `game:input`).
    case systemError
    /// Anything else (`game:score`, `lobby:player:join`, `game:resume`, ...): ignored.
    case other

    /// The envelope's opening as the server writes it.
    private static let opening: StaticString = #"{"type":""#
    /// `game:state` with its closing quote, checked first.
    private static let stateName: StaticString = #"game:state""#
    /// The other names, each with its closing quote, and their kinds.
    private static let names: [([UInt8], GameMessageKind)] = {
        let table: [(String, GameMessageKind)] = [
            ("connection.ack", .connectionAck), ("connection.error", .connectionError),
            ("lobby:created", .lobbyCreated), ("lobby:joined", .lobbyJoined), ("lobby:update", .lobbyUpdate),
            ("game:start", .gameStart), ("game:end", .gameEnd), ("game:pause", .gamePause),
            ("system.error", .systemError),
        ]
        return table.map { (Array(($0.0 + "\"").utf8), $0.1) }
    }()

    /// Whether `payload` starts with `{"type":"game:state"` (the hot path: two compares, no table).
    @inline(__always)
    static func isState(_ payload: UnsafeRawBufferPointer) -> Bool {
        let head = opening.utf8CodeUnitCount
        let name = stateName.utf8CodeUnitCount
        guard let base = payload.baseAddress, payload.count > head + name else { return false }
        return memcmp(base, opening.utf8Start, head) == 0 && memcmp(base + head, stateName.utf8Start, name) == 0
    }

    /// The kind from the opening bytes of `payload`, or nil when it does not start with `{"type":"`.
    static func sniff(_ payload: UnsafeRawBufferPointer) -> GameMessageKind? {
        let head = opening.utf8CodeUnitCount
        guard let base = payload.baseAddress, payload.count > head, memcmp(base, opening.utf8Start, head) == 0
        else { return nil }
        if isState(payload) { return .state }
        let left = payload.count - head
        for (bytes, kind) in names where left >= bytes.count {
            if bytes.withUnsafeBytes({ memcmp(base + head, $0.baseAddress!, $0.count) }) == 0 { return kind }
        }
        return .other
    }

    /// The kind of a `type` read by a full parse.
    init(type: String) {
        if type == "game:state" {
            self = .state
            return
        }
        let bytes = Array((type + "\"").utf8)
        self = Self.names.first { $0.0 == bytes }?.1 ?? .other
    }
}
