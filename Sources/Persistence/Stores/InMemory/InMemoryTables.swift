/// The in-memory twin's database: the same tables as the SQLite schema, as dictionaries, plus an undo journal so
/// that savepoints and transactions roll back exactly like SQLite's. Every change goes through one of the
/// `set...`/`appendMessage`/`changeLobbyChat`/`changeGames` mutators, which journal how to undo it while a
/// transaction or savepoint is open. Not thread-safe: confined to one thread like a `SQLiteConnection`.
final class InMemoryTables {
    /// A row of `users` (the id is the key).
    struct UserRow {
        /// The display name.
        var username: String
        /// When the user first connected.
        var createdAt: Int64
        /// The latest time the user was seen.
        var lastSeen: Int64
    }

    /// An ordered pair of users: a request's (from, to) or a marker's (reader, other).
    struct DirectedPair: Hashable {
        /// The acting user.
        var from: String
        /// The other user.
        var to: String
    }

    /// The idempotency key of a message: `UNIQUE (sender, client_id)`.
    struct ClientKey: Hashable {
        /// The sending user.
        var sender: String
        /// The sender's envelope id.
        var clientId: String
    }

    /// How to undo one change: the key and the value it had before (nil: absent).
    private enum Undo {
        case user(String, UserRow?)
        case friendship(UserPair, Int64?)
        case request(DirectedPair, Int64?)
        case marker(DirectedPair, ReadMarker?)
        case message(UserPair, ClientKey?, previousLastId: Int64)
        case lobbyChat(InMemoryLobbyChatTables.Undo)
        case games(InMemoryGameTables.Undo)
    }

    /// `users`, by id.
    private(set) var users: [String: UserRow] = [:]
    /// `friendships`: the pair -> since.
    private(set) var friendships: [UserPair: Int64] = [:]
    /// `friend_requests`: (from, to) -> created at.
    private(set) var requests: [DirectedPair: Int64] = [:]
    /// `direct_messages`, per conversation in id order (ids only grow, so appending keeps the order).
    private(set) var conversations: [UserPair: [StoredDirectMessage]] = [:]
    /// The `UNIQUE (sender, client_id)` index.
    private(set) var messagesByClientId: [ClientKey: StoredDirectMessage] = [:]
    /// `dm_read_markers`: (reader, other) -> marker.
    private(set) var markers: [DirectedPair: ReadMarker] = [:]
    /// The highest message id handed out (AUTOINCREMENT's `sqlite_sequence`, rolled back with the rest).
    private(set) var lastMessageId: Int64 = 0
    /// `lobby_messages`, `lobby_read_markers` and `lobby_message_sequences`, changed through `changeLobbyChat`.
    private(set) var lobbyChat = InMemoryLobbyChatTables()
    /// `games`, changed through `changeGames`.
    private(set) var games = InMemoryGameTables()

    /// Changes since the outermost open scope began, oldest first.
    private var journal: [Undo] = []
    /// How many transactions and savepoints are open; changes are journaled only while this is above zero.
    private var depth = 0

    /// Creates empty tables.
    init() {}

    /// Opens a transaction (the writer's batch).
    func begin() {
        depth += 1
    }

    /// Closes the innermost scope keeping its changes; the journal empties when the outermost one closes.
    func commit() {
        precondition(depth > 0, "commit without begin")
        depth -= 1
        if depth == 0 { journal.removeAll(keepingCapacity: true) }
    }

    /// Undoes every change since the outermost `begin` and closes the transaction.
    func rollback() {
        precondition(depth > 0, "rollback without begin")
        undo(to: 0)
        depth = 0
    }

    /// Whether a transaction or savepoint is open.
    var isInTransaction: Bool { depth > 0 }

    /// Runs `body` as a savepoint: its changes are kept when it returns and undone when it throws.
    func savepoint<T>(_ body: () throws -> T) throws -> T {
        let mark = journal.count
        begin()
        do {
            let value = try body()
            commit()
            return value
        } catch {
            undo(to: mark)
            depth -= 1
            throw error
        }
    }
}

extension InMemoryTables {
    /// Sets or deletes a user row.
    func setUser(_ id: String, _ row: UserRow?) {
        record(.user(id, users[id]))
        users[id] = row
    }

    /// Sets or deletes a friendship.
    func setFriendship(_ pair: UserPair, since: Int64?) {
        record(.friendship(pair, friendships[pair]))
        friendships[pair] = since
    }

    /// Sets or deletes a friend request.
    func setRequest(_ key: DirectedPair, createdAt: Int64?) {
        record(.request(key, requests[key]))
        requests[key] = createdAt
    }

    /// Sets a read marker.
    func setMarker(_ key: DirectedPair, _ marker: ReadMarker?) {
        record(.marker(key, markers[key]))
        markers[key] = marker
    }

    /// Stores a new message under the next id and returns it.
    func appendMessage(sender: String, recipient: String, text: String, sentAt: Int64, clientId: String?)
        -> StoredDirectMessage
    {
        let pair = UserPair(sender, recipient)
        let key = clientId.map { ClientKey(sender: sender, clientId: $0) }
        record(.message(pair, key, previousLastId: lastMessageId))
        lastMessageId += 1
        let message = StoredDirectMessage(
            id: lastMessageId, sender: sender, recipient: recipient, text: text, sentAt: sentAt, clientId: clientId)
        conversations[pair, default: []].append(message)
        if let key { messagesByClientId[key] = message }
        return message
    }

    /// Applies one change to the lobby chat tables and journals the undo it returns (nil: nothing changed).
    func changeLobbyChat<T>(_ change: (inout InMemoryLobbyChatTables) -> (T, InMemoryLobbyChatTables.Undo?)) -> T {
        let (value, undo) = change(&lobbyChat)
        if let undo { record(.lobbyChat(undo)) }
        return value
    }

    /// Applies one change to the games table and journals the undo it returns (nil: nothing changed).
    func changeGames<T>(_ change: (inout InMemoryGameTables) -> (T, InMemoryGameTables.Undo?)) -> T {
        let (value, undo) = change(&games)
        if let undo { record(.games(undo)) }
        return value
    }

    /// Journals `undo` while a scope is open.
    private func record(_ undo: Undo) {
        if depth > 0 { journal.append(undo) }
    }

    /// Undoes journaled changes, newest first, until `mark` entries remain.
    private func undo(to mark: Int) {
        while journal.count > mark {
            switch journal.removeLast() {
            case .user(let id, let row): users[id] = row
            case .friendship(let pair, let since): friendships[pair] = since
            case .request(let key, let createdAt): requests[key] = createdAt
            case .marker(let key, let marker): markers[key] = marker
            case .message(let pair, let key, let previousLastId):
                conversations[pair]?.removeLast()
                if conversations[pair]?.isEmpty == true { conversations[pair] = nil }
                if let key { messagesByClientId[key] = nil }
                lastMessageId = previousLastId
            case .lobbyChat(let change): lobbyChat.revert(change)
            case .games(let change): games.revert(change)
            }
        }
    }
}
