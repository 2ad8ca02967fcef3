import GameEvents

/// One of the two players of a game room, as `game:start` lists them.
struct GamePlayer: Equatable, Sendable {
    /// Who plays.
    let userId: UserID
    /// Their display name when the game started.
    let username: String
    /// The side they defend.
    let side: PongSide
    /// Their paddle's colour (from their lobby customization).
    let paddleColor: PaddleColor

    /// A player of `side`.
    init(userId: UserID, username: String, side: PongSide, paddleColor: PaddleColor) {
        self.userId = userId
        self.username = username
        self.side = side
        self.paddleColor = paddleColor
    }
}
