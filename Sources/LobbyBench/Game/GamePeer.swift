/// What the bench knows about one connection's game, read and written on the hot path (every `game:state` and
/// every input), so it is a plain struct in one malloc'd table indexed by connection.
struct GamePeer {
    /// Plays (rather than watches).
    var isPlayer = false
    /// Got `game:start` of its room's current game and no `game:end` since: states and inputs count.
    var inGame = false
    /// Got a `game:state` since that `game:start` (`lastTick` is valid).
    var hasTick = false
    /// A player's side: 0 left, 1 right.
    var side: UInt8 = 0
    /// Ticks between two snapshots this connection should get (from `game:start`).
    var tickStep: UInt64 = 1
    /// Tick of the last snapshot received.
    var lastTick: UInt64 = 0
    /// Ball centre and velocity in the last snapshot (players).
    var ballX = 0.0
    /// Ball centre `y`.
    var ballY = 0.0
    /// Ball velocity along `x`.
    var ballVX = 0.0
    /// Ball velocity along `y`.
    var ballVY = 0.0
    /// My paddle's centre in the last snapshot (players sending `direction`).
    var paddle = 300.0
    /// Highest input `seq` sent (never reset: seqs keep rising across rematches).
    var sentSeq: UInt64 = 0
    /// Highest `seq` acknowledged by a snapshot's `lastSeq`, or given up at a new game.
    var ackedSeq: UInt64 = 0
}

/// Where a room is in its life, as the bench sees it.
enum GameRoomPhase: Equatable {
    /// Creating and joining the lobby.
    case forming
    /// Both players in; `lobby:ready` sent, waiting for `game:start`.
    case readying
    /// A game started; waiting for every connection's `game:start`.
    case starting
    /// Every connection of the room is in the current game.
    case running
    /// The game ended; waiting for the rematch.
    case between
    /// Setup failed; its connections are closed.
    case failed
}

/// One room's setup and game bookkeeping (rare path: changed by answers, never by `game:state`).
struct GameRoom {
    /// The lobby's id, once created.
    var lobbyId: String?
    /// The current (or last) game's id.
    var gameId: String?
    /// Where the room is.
    var phase = GameRoomPhase.forming
    /// Players in the lobby (the creator included).
    var seated = 0
    /// Connections that got `game:start` of the current game.
    var started = 0
    /// Spectators whose `game:spectate` of the current game was refused.
    var declined = 0
    /// Games started so far.
    var games = 0
    /// The current game's end was counted.
    var endCounted = false
    /// The room has run at least once (setup is over for it).
    var everRan = false
}
