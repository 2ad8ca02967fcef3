import GameEvents

/// Everything a ``GameRoom`` is created from. The initializer checks the players, so a setup always has
/// exactly one player per side, two different users.
struct GameRoomSetup: Equatable, Sendable {
    /// The game's id (`g-` + 10 base32 characters, made by the owner).
    let gameId: GameID
    /// The lobby the game was started from, if any.
    let lobbyId: LobbyID?
    /// The tournament match the game settles, if any (stored with the result).
    let tournamentMatchId: String?
    /// Both players, left one first.
    let players: PerSide<GamePlayer>
    /// The simulation's numbers (tick rate included).
    let rules: PongRules
    /// The simulation's seed (stored with the result, for replays).
    let seed: UInt64
    /// Room ticks a disconnected player has to come back before forfeiting (0: forfeit at the next tick).
    let reconnectGraceTicks: Int
    /// Room ticks between everybody being back and play continuing (0: at once).
    let resumeCountdownTicks: Int

    /// A setup; `players` must hold one player per side, two different users, in any order.
    /// - Throws: ``Invalid`` naming what is wrong.
    init(
        gameId: GameID, lobbyId: LobbyID? = nil, tournamentMatchId: String? = nil, players: [GamePlayer],
        rules: PongRules, seed: UInt64, reconnectGraceTicks: Int, resumeCountdownTicks: Int
    ) throws(Invalid) {
        guard players.count == 2, let left = players.first(where: { $0.side == .left }),
            let right = players.first(where: { $0.side == .right })
        else { throw .notOnePlayerPerSide }
        guard left.userId != right.userId else { throw .samePlayerOnBothSides }
        guard reconnectGraceTicks >= 0 else { throw .negativeTicks("reconnectGraceTicks") }
        guard resumeCountdownTicks >= 0 else { throw .negativeTicks("resumeCountdownTicks") }
        self.gameId = gameId
        self.lobbyId = lobbyId
        self.tournamentMatchId = tournamentMatchId
        self.players = PerSide(left: left, right: right)
        self.rules = rules
        self.seed = seed
        self.reconnectGraceTicks = reconnectGraceTicks
        self.resumeCountdownTicks = resumeCountdownTicks
    }

    /// The side `user` plays, or nil for anybody else.
    func side(of user: UserID) -> PongSide? {
        if players.left.userId == user { return .left }
        if players.right.userId == user { return .right }
        return nil
    }
}

extension GameRoomSetup {
    /// Why a ``GameRoomSetup`` was refused.
    enum Invalid: Error, Equatable, Sendable {
        /// The players are not exactly one left and one right.
        case notOnePlayerPerSide
        /// The same user is on both sides.
        case samePlayerOnBothSides
        /// A tick count (named) is negative.
        case negativeTicks(String)
    }
}
