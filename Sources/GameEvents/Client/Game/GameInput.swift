/// `game:input` payload: `{"gameId", "seq": 1-2^53, "direction"?: "up"|"down"|"stop", "target"?: number}`, with
/// exactly one of `direction` and `target`. Applied at the game's next tick; the highest `seq` applied comes back
/// in `game:state` `lastSeq` so the client can reconcile its prediction. Not answered on success.
public struct GameInput: Equatable, Sendable {
    /// The largest `seq`: 2^53, the last integer a JavaScript number holds exactly.
    public static let maxSeq: Int64 = 1 << 53

    /// The game played.
    public let gameId: GameID
    /// The client's sequence number for this input, 1 to ``maxSeq``; each input should have a higher one than
    /// the last (the server ignores inputs whose `seq` is not above the last it applied).
    public let seq: Int64
    /// The move (a `target` is kept rounded to hundredths, as the wire carries it).
    public let move: GameInputMove

    /// An input; refuses a `seq` outside 1...``maxSeq`` (field `payload.seq`) and a target that is not a finite
    /// number of at least 0 (field `payload.target`).
    public init(gameId: GameID, seq: Int64, move: GameInputMove) throws(EventDecodingError) {
        guard Self.seqBounds ~= seq else {
            throw .invalidPayload("payload.seq", PayloadReader.integerRequirement(Self.seqBounds))
        }
        self.gameId = gameId
        self.seq = seq
        switch move {
        case .direction:
            self.move = move
        case .target(let y):
            guard y.isFinite, y >= 0 else { throw .invalidPayload("payload.target", Self.targetRequirement) }
            self.move = .target(Hundredths.rounded(y))
        }
    }

    /// The allowed values of ``seq``.
    static let seqBounds: ClosedRange<Int64> = 1...maxSeq

    /// How the target rule is explained.
    static let targetRequirement = "must be a number of at least 0 (the paddle centre's y)"
}

extension GameInput: WirePayload {
    init(reading payload: PayloadReader) throws(EventDecodingError) {
        let gameId = try payload.gameID("gameId")
        let seq = try payload.integer("seq", in: Self.seqBounds)
        let direction = try payload.enumerationIfPresent("direction", as: GameDirection.self)
        let target = try payload.readIfPresent("target", Self.targetRequirement, \.doubleValue)
        let move: GameInputMove
        switch (direction, target) {
        case (let direction?, nil): move = .direction(direction)
        case (nil, let target?): move = .target(target)
        case (_?, _?): throw .invalidPayload("payload.target", "cannot be combined with payload.direction")
        case (nil, nil): throw .invalidPayload("payload.direction", "is required (or payload.target)")
        }
        try self.init(gameId: gameId, seq: seq, move: move)
    }

    func write(to writer: inout JSONWriter) {
        writer.member("gameId", gameId.rawValue)
        writer.member("seq", seq)
        switch move {
        case .direction(let direction): writer.member("direction", direction.rawValue)
        case .target(let y): writer.member("target", hundredths: y)
        }
    }
}
