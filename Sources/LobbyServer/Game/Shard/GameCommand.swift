import GameEvents
import Persistence

/// Work for a game shard, applied at the start of its next tick, in the order posted.
enum GameCommand: Sendable {
    /// Open a room (from the hub, when a lobby's game starts).
    case create(GameLaunch)
    /// A player's input (straight from the loop that read it). `ref` and `id` address an error answer.
    case input(GameID, UserID, seq: Int64, input: PaddleInput, ref: ConnectionRef, id: String?)
    /// The current connections of a player or spectator of `game` (empty: all gone). New ones get the game's
    /// context (`game:start` and a full state).
    case connections(GameID, UserID, Set<ConnectionRef>)
    /// Add a spectator; `request` gets its `game:start` with `replyTo`.
    case spectate(GameID, UserID, Set<ConnectionRef>, request: ConnectionRef, replyTo: String?)
    /// Remove a spectator.
    case unspectate(GameID, UserID)
    /// A player gives up (`game:leave`, or leaving the lobby); `request` gets its `game:end` with `replyTo`.
    case forfeit(GameID, UserID, request: ConnectionRef?, replyTo: String?)
    /// The lobby closed under the game: it ends without a winner.
    case abandon(GameID)
    /// Stream a stored game to one connection as if live.
    case replay(GameRecord, speed: Int, ref: ConnectionRef, replyTo: String?)
    /// The connection watching a replay closed or asked for another one.
    case stopReplay(ConnectionRef)
    /// The writer stored (or failed to store) an ended game's record.
    case stored(GameID, ok: Bool)
}

/// Everything a shard needs to open a room.
struct GameLaunch: Sendable {
    let setup: GameRoomSetup
    /// Wall-clock start, for `game:start` and the record.
    let startedAtMs: Int64
    /// The lobby is private (the hub checks spectators; kept for the record).
    let isPrivate: Bool
    /// Each player's open connections (a player may have none yet: the game pauses for them at once).
    let players: [UserID: Set<ConnectionRef>]
    /// Spectators from the start (lobby members beyond the two players).
    let spectators: [UserID: Set<ConnectionRef>]
}

/// What a shard tells the hub when a game is over (after its record is stored).
struct GameEndReport: Sendable {
    let gameId: GameID
    let lobbyId: LobbyID?
    let players: [GamePlayer]
    let winner: UserID?
    let score: PongScore
    let reason: GameEndReason
    let endedAtMs: Int64
    let spectators: [UserID]
}
