-- Users known to the server: a row is written when a user first connects and refreshed on every connection.
-- Times are Unix milliseconds (the wire protocol's unit). STRICT: SQLite enforces the declared types.
CREATE TABLE users (
    id TEXT PRIMARY KEY NOT NULL,
    username TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    last_seen INTEGER NOT NULL
) STRICT;
