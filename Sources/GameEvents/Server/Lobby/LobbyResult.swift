/// The outcome of a lobby's last game: `result` of a `finished` lobby.
public struct LobbyResult: Equatable, Sendable {
    /// The winner; absent when nobody won (`abandoned`).
    public var winnerId: UserID?
    /// Every player's points, in seat order.
    public var scores: [PlayerScore]
    /// How the game ended.
    public var reason: GameEndReason
    /// When it ended, in milliseconds since the epoch.
    public var endedAt: Int64

    /// A result with every field given.
    public init(winnerId: UserID?, scores: [PlayerScore], reason: GameEndReason, endedAt: Int64) {
        self.winnerId = winnerId
        self.scores = scores
        self.reason = reason
        self.endedAt = endedAt
    }
}

extension LobbyResult: WirePayload {
    init(reading payload: PayloadReader) throws(EventDecodingError) {
        winnerId = try payload.identifierIfPresent("winnerId", kind: "a user id")
        scores = try payload.objects("scores") { (object) throws(EventDecodingError) in
            try PlayerScore(reading: object)
        }
        reason = try payload.enumeration("reason")
        endedAt = try payload.integer("endedAt")
    }

    func write(to writer: inout JSONWriter) {
        writer.member("winnerId", ifPresent: winnerId?.rawValue)
        writer.writeArray("scores", of: scores)
        writer.member("reason", reason.rawValue)
        writer.member("endedAt", endedAt)
    }
}
