/// Mutual friendships and pending requests (`protocol.md`, Friends). These are the primitives; the rules of
/// `friend:add`/`friend:remove` (a request to someone who asked you completes the friendship, already friends
/// is a conflict) combine them inside one job. Times are Unix milliseconds. Implemented by `SQLiteFriendStore`
/// and its in-memory twin `InMemoryFriendStore`.
public protocol FriendStore {
    /// Records a request from `from` to `to`; false when it was already pending (its time is kept).
    /// Throws `StoreError.sameUser` or `.unknownUser`.
    @discardableResult
    func addRequest(from: String, to: String, at: Int64) throws -> Bool

    /// Deletes the request from `from` to `to` (withdrawn or declined); false when there was none.
    @discardableResult
    func removeRequest(from: String, to: String) throws -> Bool

    /// Whether a request from `from` to `to` is pending.
    func hasRequest(from: String, to: String) throws -> Bool

    /// The user's pending requests both ways, oldest first (ties by user id).
    func requests(for user: String) throws -> FriendRequests

    /// Makes `a` and `b` friends since `since` and deletes the requests between them both ways, atomically;
    /// false when they already were friends (the original `since` is kept). Throws `.sameUser`, `.unknownUser`.
    @discardableResult
    func makeFriends(_ a: String, _ b: String, since: Int64) throws -> Bool

    /// Ends the friendship of `a` and `b`; false when they were not friends.
    @discardableResult
    func unfriend(_ a: String, _ b: String) throws -> Bool

    /// The user's friends by username (ties by user id, both in byte order).
    func friends(of user: String) throws -> [StoredFriend]

    /// Whether `a` and `b` are friends.
    func areFriends(_ a: String, _ b: String) throws -> Bool
}
