/// One page of a lobby's chat history (`lobby:chat:history`).
public struct LobbyMessagePage: Sendable, Equatable {
    /// The messages, oldest first.
    public var messages: [StoredLobbyMessage]
    /// Whether more messages lie beyond this page in the cursor's direction (older for `latest`/`before`, newer
    /// for `after`).
    public var hasMore: Bool

    /// Creates a page.
    public init(messages: [StoredLobbyMessage], hasMore: Bool) {
        self.messages = messages
        self.hasMore = hasMore
    }

    /// The page sizes `history` serves (the wire's `limit`, 1-100); it clamps its `limit` into this range, so a
    /// bad value can neither return nothing nor make the writer thread read a whole lobby.
    public static let limits: ClosedRange<Int> = 1...100

    /// `limit` clamped into `limits`.
    static func clamp(_ limit: Int) -> Int {
        min(max(limit, limits.lowerBound), limits.upperBound)
    }
}
