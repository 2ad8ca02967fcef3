/// One page of a conversation's history.
public struct DirectMessagePage: Sendable, Equatable {
    /// The messages, oldest first.
    public var messages: [StoredDirectMessage]
    /// Whether more messages lie beyond this page in the cursor's direction (older for `latest`/`before`, newer
    /// for `after`).
    public var hasMore: Bool

    /// Creates a page.
    public init(messages: [StoredDirectMessage], hasMore: Bool) {
        self.messages = messages
        self.hasMore = hasMore
    }

    /// The page sizes stores accept; `history` clamps its `limit` into this range, so a bad value can neither
    /// return nothing nor make the writer thread read a whole conversation (the wire allows 1-100).
    public static let limits: ClosedRange<Int> = 1...1000

    /// `limit` clamped into `limits`.
    static func clamp(_ limit: Int) -> Int {
        min(max(limit, limits.lowerBound), limits.upperBound)
    }
}
