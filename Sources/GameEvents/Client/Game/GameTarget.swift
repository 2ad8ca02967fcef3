/// `game:spectate` and `game:unspectate` payload: `{"gameId": string}`.
public struct GameTarget: Equatable, Sendable {
    /// The game to start or stop watching.
    public var gameId: GameID

    /// A request about `gameId`.
    public init(gameId: GameID) {
        self.gameId = gameId
    }
}

extension GameTarget: WirePayload {
    init(reading payload: PayloadReader) throws(EventDecodingError) {
        gameId = try payload.gameID("gameId")
    }

    func write(to writer: inout JSONWriter) {
        writer.member("gameId", gameId.rawValue)
    }
}
