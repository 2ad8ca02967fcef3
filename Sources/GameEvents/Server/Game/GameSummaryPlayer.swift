/// A player as `game:list` shows it: `{"userId", "username", "side"}`.
public struct GameSummaryPlayer: Equatable, Sendable {
    /// The player.
    public var userId: UserID
    /// Their display name.
    public var username: String
    /// The side they play.
    public var side: GameSide

    /// A player with every field given.
    public init(userId: UserID, username: String, side: GameSide) {
        self.userId = userId
        self.username = username
        self.side = side
    }
}

extension GameSummaryPlayer: WirePayload {
    init(reading payload: PayloadReader) throws(EventDecodingError) {
        userId = try payload.userID("userId")
        username = try payload.string("username")
        side = try payload.enumeration("side")
    }

    func write(to writer: inout JSONWriter) {
        writer.member("userId", userId.rawValue)
        writer.member("username", username)
        writer.member("side", side.rawValue)
    }
}
