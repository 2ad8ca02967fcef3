/// Finished games (`Migrations/0006_games.sql`): written once when a room ends, read for history, tournament
/// results and replays. Implemented by `SQLiteGameStore` and its in-memory twin `InMemoryGameStore`; used on the
/// writer thread like every store (`writer.submit { stores in try stores.games.record(game) }`).
///
/// Orders compare `endedAt`, then `id` by its UTF-8 bytes (SQLite's BINARY collation), so games that ended in
/// the same millisecond still come in one fixed order.
public protocol GameStore {
    /// Stores `game`; false, storing nothing, when a game with its id is already stored (whatever the rest of
    /// the record says this time): a retry is harmless and a stored game is never overwritten.
    @discardableResult
    func record(_ game: GameRecord) throws -> Bool

    /// The game with this id, or nil when none is stored.
    func game(id: String) throws -> GameRecord?

    /// The games `user` played on either side, newest first: those that ended strictly before `endedAt` (nil: no
    /// bound), at most `limit` of them (clamped into `GameRecord.pageLimits`). The next page passes the last
    /// game's `endedAt`. The bound is strict, so a game that ended in the same millisecond as a page's last one
    /// but did not fit on it is skipped; a player is in one game at a time, so that takes two of their games
    /// ending within one millisecond.
    func games(of user: String, before endedAt: Int64?, limit: Int) throws -> [GameRecord]

    /// Every game played for the tournament match, oldest first (a match has a handful).
    func games(tournamentMatchId: String) throws -> [GameRecord]
}
