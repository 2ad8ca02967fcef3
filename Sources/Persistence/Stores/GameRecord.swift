import GameEvents

/// A finished game as stored in `games` (`Migrations/0006_games.sql`): who played on which side, how it ended,
/// and what it takes to replay it (seed, rules, input log). Ids are the server's; times are Unix milliseconds.
public struct GameRecord: Sendable, Equatable {
    /// The game id (`gameId` on the wire, `g-` + 10 base32 characters); the primary key.
    public var id: String
    /// The lobby the game was started from, if any.
    public var lobbyId: String?
    /// The tournament match the game was played for, if any.
    public var tournamentMatchId: String?
    /// The simulation's seed: every bit of it is kept (stored as the Int64 with the same bits).
    public var seed: UInt64
    /// The rules the room played by, as the JSON text the server wrote; the store never looks inside.
    public var rules: String
    /// The left player (the lobby's first player).
    public var leftUserId: String
    /// The left player's username when the game ended.
    public var leftUsername: String
    /// The right player.
    public var rightUserId: String
    /// The right player's username when the game ended.
    public var rightUsername: String
    /// The left player's points.
    public var scoreLeft: Int
    /// The right player's points.
    public var scoreRight: Int
    /// The winner, or nil when nobody won (`abandoned`).
    public var winnerId: String?
    /// Why the game ended.
    public var reason: GameEndReason
    /// When the game started.
    public var startedAt: Int64
    /// When the game ended; a user's games are ordered by it.
    public var endedAt: Int64
    /// How long the game ran, in milliseconds.
    public var durationMs: Int64
    /// How many simulation ticks the game ran.
    public var ticks: Int64
    /// The recorded input log, opaque to the store.
    public var inputs: [UInt8]

    /// Creates a record.
    public init(
        id: String, lobbyId: String?, tournamentMatchId: String?, seed: UInt64, rules: String, leftUserId: String,
        leftUsername: String, rightUserId: String, rightUsername: String, scoreLeft: Int, scoreRight: Int,
        winnerId: String?, reason: GameEndReason, startedAt: Int64, endedAt: Int64, durationMs: Int64, ticks: Int64,
        inputs: [UInt8]
    ) {
        self.id = id
        self.lobbyId = lobbyId
        self.tournamentMatchId = tournamentMatchId
        self.seed = seed
        self.rules = rules
        self.leftUserId = leftUserId
        self.leftUsername = leftUsername
        self.rightUserId = rightUserId
        self.rightUsername = rightUsername
        self.scoreLeft = scoreLeft
        self.scoreRight = scoreRight
        self.winnerId = winnerId
        self.reason = reason
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.durationMs = durationMs
        self.ticks = ticks
        self.inputs = inputs
    }

    /// The page sizes `GameStore.games(of:before:limit:)` serves; it clamps its `limit` into this range, so a bad
    /// value can neither return nothing nor make the writer thread read a user's whole history (input logs
    /// included).
    public static let pageLimits: ClosedRange<Int> = 1...100

    /// `limit` clamped into `pageLimits`.
    static func clampPageLimit(_ limit: Int) -> Int {
        min(max(limit, pageLimits.lowerBound), pageLimits.upperBound)
    }
}
