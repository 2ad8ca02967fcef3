-- Finished games: one row per game room that ended, written once by the server when the room ends (never
-- updated). Times are Unix milliseconds, `duration_ms` the wall-clock time the game ran and `ticks` the simulation
-- ticks it ran. `seed` is the simulation's UInt64 seed stored as the Int64 with the same bits (SQLite integers are
-- signed), so seeds with the top bit set read back negative here. `rules` is the JSON the server wrote (the
-- settings the room played by); `inputs` the room's recorded input log: with the seed and the rules, enough to
-- replay the game exactly. Player names are snapshots taken when the game ended.
--
-- Ids (game, lobby, tournament match, users) are the server's, with no foreign keys: a game's players are always
-- known users, and the history must outlive lobbies, which are not stored. A rowid table rather than WITHOUT
-- ROWID: rows carry the input log (tens of KiB), far above the size at which SQLite advises against WITHOUT ROWID
-- (https://sqlite.org/withoutrowid.html, section 4).
CREATE TABLE games (
    id TEXT PRIMARY KEY NOT NULL,
    lobby_id TEXT,
    tournament_match_id TEXT,
    seed INTEGER NOT NULL,
    rules TEXT NOT NULL,
    left_user_id TEXT NOT NULL,
    left_username TEXT NOT NULL,
    right_user_id TEXT NOT NULL,
    right_username TEXT NOT NULL,
    score_left INTEGER NOT NULL,
    score_right INTEGER NOT NULL,
    winner_id TEXT,
    reason TEXT NOT NULL CHECK (reason IN ('score', 'forfeit', 'abandoned')),
    started_at INTEGER NOT NULL,
    ended_at INTEGER NOT NULL,
    duration_ms INTEGER NOT NULL,
    ticks INTEGER NOT NULL,
    inputs BLOB NOT NULL
) STRICT;

-- A user's games, newest first: one backwards range scan per side, merged by the query (ended_at, then id, so
-- games ending in the same millisecond still come in one fixed order).
CREATE INDEX games_by_left_user ON games(left_user_id, ended_at, id);
CREATE INDEX games_by_right_user ON games(right_user_id, ended_at, id);

-- The games of a tournament match. Partial: games outside tournaments cost no entry here.
CREATE INDEX games_by_tournament_match ON games(tournament_match_id, ended_at, id)
    WHERE tournament_match_id IS NOT NULL;
