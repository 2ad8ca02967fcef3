/// A user's pending friend requests in both directions (the `incoming`/`outgoing` lists of `friend:list`).
public struct FriendRequests: Sendable, Equatable {
    /// One pending request, seen from the user whose lists these are.
    public struct Entry: Sendable, Equatable {
        /// The other user: the one who asked (incoming) or was asked (outgoing).
        public var userId: String
        /// The other user's current username.
        public var username: String
        /// When the request was made (Unix milliseconds).
        public var createdAt: Int64

        /// Creates an entry.
        public init(userId: String, username: String, createdAt: Int64) {
            self.userId = userId
            self.username = username
            self.createdAt = createdAt
        }
    }

    /// Requests other users sent to this user, oldest first.
    public var incoming: [Entry]
    /// Requests this user sent, oldest first.
    public var outgoing: [Entry]

    /// Creates the pair of lists.
    public init(incoming: [Entry], outgoing: [Entry]) {
        self.incoming = incoming
        self.outgoing = outgoing
    }
}
