/// `friend:added` payload: `{"friend": {...}}`, a friendship was completed; sent to both users.
public struct FriendAdded: Equatable, Sendable {
    /// The new friend (for each side, the other user).
    public var friend: FriendSummary

    /// A completed friendship with `friend`.
    public init(friend: FriendSummary) {
        self.friend = friend
    }
}

extension FriendAdded: WirePayload {
    init(reading payload: PayloadReader) throws(EventDecodingError) {
        friend = try FriendSummary(reading: payload.object("friend"))
    }

    func write(to writer: inout JSONWriter) {
        writer.literalKey("friend")
        writer.beginObject()
        friend.write(to: &writer)
        writer.endObject()
    }
}
