/// A player of a game as `game:start` shows it: `{"userId", "username", "side", "paddleColor"}`.
public struct GamePlayerInfo: Equatable, Sendable {
    /// The player.
    public var userId: UserID
    /// Their display name.
    public var username: String
    /// The side they play.
    public var side: GameSide
    /// Their paddle's colour (from the lobby).
    public var paddleColor: PaddleColor

    /// A player with every field given.
    public init(userId: UserID, username: String, side: GameSide, paddleColor: PaddleColor) {
        self.userId = userId
        self.username = username
        self.side = side
        self.paddleColor = paddleColor
    }
}

extension GamePlayerInfo: WirePayload {
    init(reading payload: PayloadReader) throws(EventDecodingError) {
        userId = try payload.userID("userId")
        username = try payload.string("username")
        side = try payload.enumeration("side")
        paddleColor = try payload.validated("paddleColor", requirement: PaddleColor.requirement)
    }

    func write(to writer: inout JSONWriter) {
        writer.member("userId", userId.rawValue)
        writer.member("username", username)
        writer.member("side", side.rawValue)
        writer.member("paddleColor", paddleColor.rawValue)
    }
}
