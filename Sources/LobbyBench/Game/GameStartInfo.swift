import GameEvents

/// The field of a game, from `game:start` `payload.field` (docs/protocol.md, "Games"): what aiming needs.
struct FieldGeometry: Equatable {
    /// Goal line to goal line.
    var width = 800.0
    /// Top wall to bottom wall.
    var height = 600.0
    /// A paddle's height.
    var paddleHeight = 100.0
    /// A paddle's thickness.
    var paddleWidth = 10.0
    /// Goal line to the back of a paddle.
    var paddleMargin = 20.0
    /// The ball's radius.
    var ballRadius = 8.0

    /// The contract's default field.
    static let standard = FieldGeometry()

    /// The `x` of `side`'s paddle face (0 left, 1 right), the line the ball's edge meets.
    func faceX(side: UInt8) -> Double {
        side == 0 ? paddleMargin + paddleWidth : width - paddleMargin - paddleWidth
    }
}

/// A `game:start` the bench acts on, parsed in full (it is rare): which game, this connection's role and side, the
/// rates, the field.
struct GameStartInfo: Equatable {
    /// The game's id (`g-` + 10 base32 characters).
    let gameId: String
    /// `role` is `player` (else a spectator).
    let isPlayer: Bool
    /// A player's side: 0 left, 1 right (0 for spectators).
    let side: UInt8
    /// Simulation ticks per second.
    let tickRate: Int
    /// `game:state` frames per second to this connection (the spectators' rate for a spectator).
    let stateRate: Int
    /// `replay` is true (a `game:replay`, not a live game).
    let replay: Bool
    /// The field.
    let field: FieldGeometry

    /// Reads a `game:start` message; nil when `gameId` or `role` is missing.
    init?(_ message: ParsedServerMessage) {
        let payload = message.payload
        guard let gameId = payload["gameId"]?.stringValue, let role = payload["role"]?.stringValue else { return nil }
        self.gameId = gameId
        isPlayer = role == "player"
        side = payload["side"]?.stringValue == "right" ? 1 : 0
        tickRate = Self.positive(payload["tickRate"]) ?? 60
        stateRate = Self.positive(payload["stateRate"]) ?? tickRate
        replay = payload["replay"]?.boolValue ?? false
        var field = FieldGeometry.standard
        if let object = payload["field"] {
            field.width = object["width"]?.doubleValue ?? field.width
            field.height = object["height"]?.doubleValue ?? field.height
            field.paddleHeight = object["paddleHeight"]?.doubleValue ?? field.paddleHeight
            field.paddleWidth = object["paddleWidth"]?.doubleValue ?? field.paddleWidth
            field.paddleMargin = object["paddleMargin"]?.doubleValue ?? field.paddleMargin
            field.ballRadius = object["ballRadius"]?.doubleValue ?? field.ballRadius
        }
        self.field = field
    }

    /// Ticks between two snapshots this connection should get (1 = every tick).
    var tickStep: UInt64 {
        guard stateRate > 0, stateRate < tickRate else { return 1 }
        return UInt64((Double(tickRate) / Double(stateRate)).rounded())
    }

    private static func positive(_ value: JSONValue?) -> Int? {
        guard let number = value?.int64Value, number > 0 else { return nil }
        return Int(number)
    }
}
