/// Members of game payloads: game ids, optional lobby and user ids, numbers rounded to hundredths.
extension PayloadReader {
    /// A game id member.
    func gameID(_ key: String) throws(EventDecodingError) -> GameID {
        try identifier(key, kind: "a game id")
    }

    /// An optional lobby id member.
    func lobbyIDIfPresent(_ key: String) throws(EventDecodingError) -> LobbyID? {
        try identifierIfPresent(key, kind: "a lobby id")
    }

    /// An optional user id member.
    func userIDIfPresent(_ key: String) throws(EventDecodingError) -> UserID? {
        try identifierIfPresent(key, kind: "a user id")
    }

    /// A number member (a position, velocity or size), rounded to hundredths as games carry them.
    func hundredths(_ key: String) throws(EventDecodingError) -> Double {
        Hundredths.rounded(try read(key, "must be a number", \.doubleValue))
    }
}
