-- Direct messages between two users. AUTOINCREMENT keeps ids monotonic: an id is never reused, even after the
-- newest row is deleted (https://sqlite.org/autoinc.html). `client_id` is the sender's envelope id: a retry with
-- the same (sender, client_id) finds the stored row instead of inserting another (NULLs are never equal, so
-- messages without one never collide). `low_user`/`high_user` name the conversation independently of direction:
-- generated from sender and recipient (BINARY min/max), so they cannot disagree with them, and VIRTUAL, so only
-- the conversation index stores them.
CREATE TABLE direct_messages (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    sender TEXT NOT NULL REFERENCES users(id),
    recipient TEXT NOT NULL REFERENCES users(id),
    text TEXT NOT NULL,
    sent_at INTEGER NOT NULL,
    client_id TEXT,
    low_user TEXT GENERATED ALWAYS AS (min(sender, recipient)) VIRTUAL,
    high_user TEXT GENERATED ALWAYS AS (max(sender, recipient)) VIRTUAL,
    UNIQUE (sender, client_id),
    CHECK (sender <> recipient)
) STRICT;

-- History pages and unread counts: one range scan per conversation, in id order.
CREATE INDEX direct_messages_by_conversation ON direct_messages(low_user, high_user, id);

-- How far `reader` has read the conversation with `other` (the newest message id seen); only moves forward.
CREATE TABLE dm_read_markers (
    reader TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    other TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    last_read_id INTEGER NOT NULL,
    read_at INTEGER NOT NULL,
    PRIMARY KEY (reader, other)
) STRICT, WITHOUT ROWID;
