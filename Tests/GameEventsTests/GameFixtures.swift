@testable import GameEvents

/// Sample game values shared by the game tests.
enum GameFixtures {
    static let gameId = GameID(validating: "g-q3x7k2m9ab")!
    static let lobbyId = LobbyID(validating: "l-7k2m9q4x1b")!
    static let alice = UserID(validating: "u-alice")!
    static let bob = UserID(validating: "u-bob")!
    static let players = [
        GamePlayerInfo(userId: alice, username: "alice", side: .left, paddleColor: PaddleColor(validating: "#E74C3C")!),
        GamePlayerInfo(userId: bob, username: "bob", side: .right, paddleColor: PaddleColor(validating: "#1abc9c")!),
    ]

    /// A mid-rally snapshot with fractional positions.
    static let state = GameState(
        gameId: gameId, tick: 1234, phase: .playing,
        ball: GameBall(x: 412.33, y: 300.5, vx: -361.2, vy: 118.75),
        paddles: GamePaddles(left: 250, right: 310.46),
        score: GameScoreLine(left: 2, right: 3),
        lastSeq: GameSeqs(left: 1187, right: 1203), spectators: 2)

    /// At least one value of every game server event, with optionals both present and absent.
    static let serverEvents: [ServerEvent] = [
        .gameStart(GameStart(gameId: gameId, lobbyId: lobbyId, role: .player, side: .left, players: players,
                             tickRate: 60, stateRate: 60, field: GameField(), pointsToWin: 5, serveDelayMs: 1000,
                             startedAt: 1_763_751_612_000, tick: 0)),
        .gameStart(GameStart(gameId: gameId, role: .spectator, players: players, tickRate: 120, stateRate: 30,
                             field: GameField(width: 1024.5, height: 0.01, paddleHeight: 99.99, paddleWidth: 7.25,
                                              paddleMargin: 0, paddleSpeed: 612.5, ballRadius: 12.3),
                             pointsToWin: 21, serveDelayMs: 0, startedAt: 1, tick: 987_654, spectatorDelayMs: 2000,
                             replay: true)),
        .gameState(state),
        .gameState(GameState(gameId: gameId, tick: 0, phase: .serving, ball: GameBall(x: 400, y: 300, vx: 0, vy: 0),
                             paddles: GamePaddles(left: 300, right: 300), score: .zero, lastSeq: .zero,
                             spectators: 0)),
        .gameState(GameState(gameId: gameId, tick: Int64.max, phase: .finished,
                             ball: GameBall(x: -0.01, y: 1e15, vx: 0.1, vy: -0.07),
                             paddles: GamePaddles(left: 0.5, right: 599.99), score: GameScoreLine(left: 5, right: 0),
                             lastSeq: GameSeqs(left: GameInput.maxSeq, right: 0), spectators: 100_000)),
        .gameScore(GameScore(gameId: gameId, tick: 1500, side: .right, userId: bob,
                             score: GameScoreLine(left: 2, right: 4))),
        .gamePause(GamePause(gameId: gameId, tick: 1600, userId: bob, forfeitAt: 1_763_751_700_000)),
        .gameResume(GameResume(gameId: gameId, tick: 1600, userId: bob, resumesInMs: 3000)),
        .gameEnd(GameEnd(gameId: gameId, lobbyId: lobbyId, winnerId: alice, score: GameScoreLine(left: 5, right: 4),
                         reason: .score, durationMs: 288_000, tick: 17_280, endedAt: 1_763_751_900_000)),
        .gameEnd(GameEnd(gameId: gameId, winnerId: nil, score: .zero, reason: .abandoned, durationMs: 0, tick: 0,
                         endedAt: 2, replay: true)),
        .gameList(GameList(games: [])),
        .gameList(GameList(games: [
            GameSummary(gameId: gameId, lobbyId: lobbyId, players: [
                GameSummaryPlayer(userId: alice, username: "alice", side: .left),
                GameSummaryPlayer(userId: bob, username: "bob \"b\"", side: .right),
            ], score: GameScoreLine(left: 1, right: 0), spectators: 3, startedAt: 1_763_751_612_000),
            GameSummary(gameId: GameID(validating: "g-2")!, players: [], score: .zero, spectators: 0, startedAt: 0),
        ], nextCursor: "g-q3x7k2m9ab")),
        .gameUnspectated(GameUnspectated(gameId: gameId)),
    ]
}
