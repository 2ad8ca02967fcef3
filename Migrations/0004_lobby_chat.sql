-- Lobby chat: messages numbered per lobby (1, 2, 3, ... in each lobby), read markers, and the sequence of lobbies
-- whose messages retention has removed entirely. Lobby ids are made by the server and never reused. Times are Unix
-- milliseconds.
--
-- `message_id` is the next number of its lobby, computed by the insert itself (the writer runs jobs one at a time,
-- so there is no race). The primary key clusters a lobby's messages in id order: history pages, catch-up after a
-- reconnect, unread counts and retention are all range scans of it, and WITHOUT ROWID makes that the only B-tree
-- a message without a client id touches.
--
-- `username` is a snapshot taken at send time, so history shows the name the message was sent under; `user_id`
-- has no foreign key to `users`: the hub only relays messages of authenticated users, whom it has already upserted,
-- so the check would find nothing, while it would cost a lookup in `users` per message and, without one more index
-- on `user_id`, turn every deletion of a user into a scan of this table.
CREATE TABLE lobby_messages (
    lobby_id TEXT NOT NULL,
    message_id INTEGER NOT NULL,
    user_id TEXT NOT NULL,
    username TEXT NOT NULL,
    text TEXT NOT NULL,
    sent_at INTEGER NOT NULL,
    client_id TEXT,
    PRIMARY KEY (lobby_id, message_id),
    CHECK (message_id > 0)
) STRICT, WITHOUT ROWID;

-- The idempotency key: a resend with the same (lobby, user, client id) finds the stored message. Partial, because
-- NULLs never collide anyway: a message without a client id costs no entry here.
CREATE UNIQUE INDEX lobby_messages_by_client_id ON lobby_messages(lobby_id, user_id, client_id)
    WHERE client_id IS NOT NULL;

-- How far `user_id` has read the lobby's chat (the newest message id seen); only moves forward.
CREATE TABLE lobby_read_markers (
    lobby_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    last_read_id INTEGER NOT NULL,
    read_at INTEGER NOT NULL,
    PRIMARY KEY (lobby_id, user_id)
) STRICT, WITHOUT ROWID;

-- The last message id of a lobby whose messages retention deleted down to the last one. Written only then (never
-- on the append path), it keeps the lobby's sequence from starting over at 1, which would hand out ids clients
-- have already seen; removed with the lobby.
CREATE TABLE lobby_message_sequences (
    lobby_id TEXT PRIMARY KEY NOT NULL,
    last_message_id INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
