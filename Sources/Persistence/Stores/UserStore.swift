/// Users known to the server: a user exists from their first connection on (`protocol.md`, Friends). Times are
/// Unix milliseconds. Implemented by `SQLiteUserStore` and its in-memory twin `InMemoryUserStore`.
public protocol UserStore {
    /// Creates the user (created and last seen at `seenAt`) or refreshes their username and last-seen time;
    /// returns the stored record. `lastSeen` never moves backwards.
    @discardableResult
    func upsert(id: String, username: String, seenAt: Int64) throws -> StoredUser

    /// The user with this id, or nil when the server has never seen them.
    func user(id: String) throws -> StoredUser?

    /// Moves the user's last-seen time forward to `lastSeen` (an earlier time changes nothing); false when the
    /// user is unknown.
    @discardableResult
    func touch(id: String, lastSeen: Int64) throws -> Bool
}
