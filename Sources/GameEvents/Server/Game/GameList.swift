/// `game:list` payload from the server: a page of the live games the user may watch, and the cursor of the next
/// page.
public struct GameList: Equatable, Sendable {
    /// The games on this page.
    public var games: [GameSummary]
    /// The `cursor` that asks for the next page; absent on the last page.
    public var nextCursor: String?

    /// A page of games.
    public init(games: [GameSummary], nextCursor: String? = nil) {
        self.games = games
        self.nextCursor = nextCursor
    }
}

extension GameList: WirePayload {
    init(reading payload: PayloadReader) throws(EventDecodingError) {
        games = try payload.objects("games") { (object) throws(EventDecodingError) in
            try GameSummary(reading: object)
        }
        nextCursor = try payload.stringIfPresent("nextCursor", requirement: GameListQuery.cursorRequirement,
                                                 GameListQuery.isValidCursor)
    }

    func write(to writer: inout JSONWriter) {
        writer.writeArray("games", of: games)
        writer.member("nextCursor", ifPresent: nextCursor)
    }
}
