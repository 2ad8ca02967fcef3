/// One player's score in a finished game: an element of `result.scores`.
public struct PlayerScore: Equatable, Sendable {
    /// The player.
    public var userId: UserID
    /// Their points.
    public var score: Int

    /// A player's score.
    public init(userId: UserID, score: Int) {
        self.userId = userId
        self.score = score
    }
}

extension PlayerScore: WirePayload {
    init(reading payload: PayloadReader) throws(EventDecodingError) {
        userId = try payload.userID("userId")
        score = Int(try payload.integer("score", in: 0...Int64.max))
    }

    func write(to writer: inout JSONWriter) {
        writer.member("userId", userId.rawValue)
        writer.member("score", Int64(score))
    }
}
