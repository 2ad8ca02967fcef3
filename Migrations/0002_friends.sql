-- Mutual friendships, stored once per pair with the smaller id first (BINARY collation, i.e. byte order), and
-- pending requests, one per direction. Rows of a deleted user go with it.
CREATE TABLE friendships (
    user_a TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    user_b TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    since INTEGER NOT NULL,
    PRIMARY KEY (user_a, user_b),
    CHECK (user_a < user_b)
) STRICT, WITHOUT ROWID;

-- The primary key serves lookups by user_a; this one serves lookups by user_b.
CREATE INDEX friendships_by_user_b ON friendships(user_b, user_a);

CREATE TABLE friend_requests (
    from_user TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    to_user TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (from_user, to_user),
    CHECK (from_user <> to_user)
) STRICT, WITHOUT ROWID;

-- The primary key serves outgoing requests; this one serves incoming requests.
CREATE INDEX friend_requests_by_to_user ON friend_requests(to_user, from_user);
