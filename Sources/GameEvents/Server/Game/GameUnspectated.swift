/// `game:unspectated` payload: `{"gameId"}`, the answer to `game:unspectate`: this user no longer watches the game
/// (sent to every connection of the user that watched it).
public struct GameUnspectated: Equatable, Sendable {
    /// The game.
    public var gameId: GameID

    /// The end of watching `gameId`.
    public init(gameId: GameID) {
        self.gameId = gameId
    }
}

extension GameUnspectated: WirePayload {
    init(reading payload: PayloadReader) throws(EventDecodingError) {
        gameId = try payload.gameID("gameId")
    }

    func write(to writer: inout JSONWriter) {
        writer.member("gameId", gameId.rawValue)
    }
}
