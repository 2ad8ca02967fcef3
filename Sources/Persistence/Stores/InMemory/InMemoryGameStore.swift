/// `GameStore` in memory: the twin of `SQLiteGameStore`, on `InMemoryTables`. A user's or a match's games are
/// looked up by id lists and sorted per query. Not thread-safe.
public final class InMemoryGameStore: GameStore {
    /// The tables, shared with the other in-memory stores of the same `InMemoryStorage`.
    let tables: InMemoryTables

    /// A store on `tables`.
    init(tables: InMemoryTables) {
        self.tables = tables
    }

    /// A store on tables of its own (nothing else shares them, so no batch or savepoint ever rolls it back).
    public convenience init() {
        self.init(tables: InMemoryTables())
    }

    /// See `GameStore.record`.
    @discardableResult
    public func record(_ game: GameRecord) throws -> Bool {
        tables.changeGames { $0.insert(game) }
    }

    /// See `GameStore.game(id:)`.
    public func game(id: String) throws -> GameRecord? {
        tables.games.games[id]
    }

    /// See `GameStore.games(of:before:limit:)`.
    public func games(of user: String, before endedAt: Int64?, limit: Int) throws -> [GameRecord] {
        let below = endedAt ?? .max
        let games = (tables.games.idsByUser[user] ?? []).compactMap { tables.games.games[$0] }
        let newestFirst = games.filter { $0.endedAt < below }.sorted { Self.precedes($1, $0) }
        return Array(newestFirst.prefix(GameRecord.clampPageLimit(limit)))
    }

    /// See `GameStore.games(tournamentMatchId:)`.
    public func games(tournamentMatchId: String) throws -> [GameRecord] {
        let games = (tables.games.idsByMatch[tournamentMatchId] ?? []).compactMap { tables.games.games[$0] }
        return games.sorted(by: Self.precedes)
    }

    /// SQLite's `ORDER BY ended_at, id`: the end time, then the id's UTF-8 bytes (BINARY collation; Swift's own
    /// `String` order compares canonically equivalent text as equal, which SQLite does not).
    private static func precedes(_ a: GameRecord, _ b: GameRecord) -> Bool {
        guard a.endedAt == b.endedAt else { return a.endedAt < b.endedAt }
        return a.id.utf8.lexicographicallyPrecedes(b.id.utf8)
    }
}
