-- Lobbies open at a clean shutdown, saved so a restart brings them back (members then have the reconnect
-- grace period to return). One row per lobby; the snapshot is the lobby's wire state (JSON), written once at
-- shutdown and read once at start-up.
CREATE TABLE saved_lobbies (
    lobby_id TEXT PRIMARY KEY,
    snapshot TEXT NOT NULL,
    saved_at INTEGER NOT NULL
) STRICT;
