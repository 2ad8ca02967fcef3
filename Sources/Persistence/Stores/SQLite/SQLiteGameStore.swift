import CSQLite
import GameEvents

/// `GameStore` on the `games` table (`Migrations/0006_games.sql`). A user's games are a backwards range scan of
/// one index per side, merged in order; a match's games a range of the partial tournament index. Confined to its
/// connection's thread.
public final class SQLiteGameStore: GameStore {
    /// The connection, shared with the other stores of the same database.
    let db: SQLiteConnection

    /// Every column, in the order `record(_:)` binds them and `game(_:)` reads them.
    static let columns = """
        id, lobby_id, tournament_match_id, seed, rules, left_user_id, left_username, right_user_id, right_username, \
        score_left, score_right, winner_id, reason, started_at, ended_at, duration_ms, ticks, inputs
        """

    /// A user's games (`?1`) that ended before `?2`, newest first, at most `?3`. Two ordered scans, one per side,
    /// merged (`UNION ALL` with an ORDER BY both indexes deliver: no sort); a game against oneself, should one
    /// ever be stored, comes from the left side only.
    static let gamesOfUserSQL = """
        SELECT \(columns) FROM games WHERE left_user_id = ?1 AND ended_at < ?2
        UNION ALL
        SELECT \(columns) FROM games WHERE right_user_id = ?1 AND left_user_id <> ?1 AND ended_at < ?2
        ORDER BY ended_at DESC, id DESC LIMIT ?3
        """

    /// A match's games (`?1`), oldest first, from the partial index (`= ?1` implies its `IS NOT NULL`).
    static let gamesOfMatchSQL = """
        SELECT \(columns) FROM games WHERE tournament_match_id = ?1 ORDER BY ended_at, id
        """

    /// A store on `connection`, which must be migrated.
    public init(connection: SQLiteConnection) {
        self.db = connection
    }

    /// See `GameStore.record`. One statement: `ON CONFLICT DO NOTHING` keeps the stored row, and `RETURNING`
    /// yields a row only when this one was inserted.
    @discardableResult
    public func record(_ game: GameRecord) throws -> Bool {
        let insert = try db.prepare(
            """
            INSERT INTO games (\(Self.columns))
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO NOTHING RETURNING 1
            """)
        try insert.bind(
            game.id, game.lobbyId, game.tournamentMatchId, Int64(bitPattern: game.seed), game.rules, game.leftUserId,
            game.leftUsername, game.rightUserId, game.rightUsername, game.scoreLeft, game.scoreRight, game.winnerId,
            game.reason.rawValue, game.startedAt, game.endedAt, game.durationMs, game.ticks, game.inputs)
        return try insert.exists()
    }

    /// See `GameStore.game(id:)`: a search of the primary key.
    public func game(id: String) throws -> GameRecord? {
        let select = try db.prepare("SELECT \(Self.columns) FROM games WHERE id = ?")
        try select.bind(id)
        defer { select.reset() }
        return try select.step() ? Self.game(select) : nil
    }

    /// See `GameStore.games(of:before:limit:)`.
    public func games(of user: String, before endedAt: Int64?, limit: Int) throws -> [GameRecord] {
        let select = try db.prepare(Self.gamesOfUserSQL)
        let limit = GameRecord.clampPageLimit(limit)
        try select.bind(user, endedAt ?? .max, limit)
        defer { select.reset() }
        return try Self.games(select, reserving: limit)
    }

    /// See `GameStore.games(tournamentMatchId:)`.
    public func games(tournamentMatchId: String) throws -> [GameRecord] {
        let select = try db.prepare(Self.gamesOfMatchSQL)
        try select.bind(tournamentMatchId)
        defer { select.reset() }
        return try Self.games(select, reserving: 8)
    }

    /// Every row `statement` yields, as games (`columns`), in its order; the caller resets it.
    static func games(_ statement: SQLiteStatement, reserving: Int) throws -> [GameRecord] {
        var games: [GameRecord] = []
        games.reserveCapacity(reserving)
        while try statement.step() { games.append(try game(statement)) }
        return games
    }

    /// The game in the current row (`columns`). The table's CHECK admits only known reasons; anything else means
    /// the file was changed behind the schema's back, reported as `SQLITE_MISMATCH`.
    static func game(_ row: SQLiteStatement) throws -> GameRecord {
        let reasonText = row.string(12) ?? ""
        guard let reason = GameEndReason(rawValue: reasonText) else {
            throw SQLiteError(
                extendedCode: SQLITE_MISMATCH, message: "games.reason holds an unknown value '\(reasonText)'",
                sql: row.sql)
        }
        return GameRecord(
            id: row.string(0) ?? "", lobbyId: row.string(1), tournamentMatchId: row.string(2),
            seed: UInt64(bitPattern: row.int64(3)), rules: row.string(4) ?? "", leftUserId: row.string(5) ?? "",
            leftUsername: row.string(6) ?? "", rightUserId: row.string(7) ?? "", rightUsername: row.string(8) ?? "",
            scoreLeft: row.int(9), scoreRight: row.int(10), winnerId: row.string(11), reason: reason,
            startedAt: row.int64(13), endedAt: row.int64(14), durationMs: row.int64(15), ticks: row.int64(16),
            inputs: row.blob(17) ?? [])
    }
}
