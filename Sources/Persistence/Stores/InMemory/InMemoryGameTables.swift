/// The `games` part of `InMemoryTables`: the rows by id and the two lookups the store serves (by player, by
/// tournament match). Rows are only ever inserted; `insert` returns the `Undo` that removes the row again, which
/// `InMemoryTables` journals (see `InMemoryTables.changeGames`), so savepoints and batches roll games back like
/// SQLite does.
struct InMemoryGameTables {
    /// How to revert one change.
    enum Undo {
        /// Remove the game with this id, the newest one inserted that is still there.
        case inserted(id: String)
    }

    /// `games`, by id.
    private(set) var games: [String: GameRecord] = [:]
    /// The ids of each user's games on either side, in insertion order (the two user indexes; a game against
    /// oneself is listed once).
    private(set) var idsByUser: [String: [String]] = [:]
    /// The ids of each tournament match's games, in insertion order (the partial tournament index).
    private(set) var idsByMatch: [String: [String]] = [:]

    /// Inserts `game` unless its id is taken; returns whether it did, and how to undo it.
    mutating func insert(_ game: GameRecord) -> (Bool, Undo?) {
        guard games[game.id] == nil else { return (false, nil) }
        games[game.id] = game
        for user in Self.players(game) { idsByUser[user, default: []].append(game.id) }
        if let match = game.tournamentMatchId { idsByMatch[match, default: []].append(game.id) }
        return (true, .inserted(id: game.id))
    }

    /// Reverts one change (the newest not yet reverted: the journal replays them backwards, so the game is the
    /// last entry of each of its lists).
    mutating func revert(_ undo: Undo) {
        switch undo {
        case .inserted(let id):
            guard let game = games.removeValue(forKey: id) else { return }
            for user in Self.players(game) { Self.removeLast(id, from: &idsByUser, key: user) }
            if let match = game.tournamentMatchId { Self.removeLast(id, from: &idsByMatch, key: match) }
        }
    }

    /// The distinct users who played `game`.
    private static func players(_ game: GameRecord) -> [String] {
        game.leftUserId == game.rightUserId ? [game.leftUserId] : [game.leftUserId, game.rightUserId]
    }

    /// Drops `id`, the last entry of `lists[key]`, and the list when it empties.
    private static func removeLast(_ id: String, from lists: inout [String: [String]], key: String) {
        precondition(lists[key]?.last == id, "games are reverted newest first")
        lists[key]?.removeLast()
        if lists[key]?.isEmpty == true { lists[key] = nil }
    }
}
