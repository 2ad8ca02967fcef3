/// What a reconnecting client missed of a lobby's chat after the last message id it saw (the chat stream of
/// `session.resumed`). Message ids count 1, 2, 3, ... without gaps, so every id between the client's and
/// `lastMessageId` is accounted for: returned, `missedBeyondLimit`, or `pruned`.
///
/// The status on the wire follows: `recovered` when `isComplete`; `gap` (with `missed`) when messages are
/// missing; `reset` when the client's id is above `lastMessageId` (it comes from somewhere else).
public struct LobbyChatCatchUp: Sendable, Equatable {
    /// The newest stored messages after the client's id, at most the limit asked for, oldest first.
    public var messages: [StoredLobbyMessage]
    /// Stored messages after the client's id that did not fit in the limit: the ones just before `messages`
    /// (`history` with `.before(messages[0].id)` pages through them).
    public var missedBeyondLimit: Int
    /// Message ids after the client's id whose messages retention has deleted.
    public var pruned: Int
    /// The lobby's newest message id (0 when it never had one), including deleted ones.
    public var lastMessageId: Int64

    /// Creates a catch-up.
    public init(messages: [StoredLobbyMessage], missedBeyondLimit: Int, pruned: Int, lastMessageId: Int64) {
        self.messages = messages
        self.missedBeyondLimit = missedBeyondLimit
        self.pruned = pruned
        self.lastMessageId = lastMessageId
    }

    /// Whether the client gets everything it missed (`recovered`).
    public var isComplete: Bool { missedBeyondLimit == 0 && pruned == 0 }

    /// Messages the client will not get: `missed` of a `gap`.
    public var missed: Int { missedBeyondLimit + pruned }

    /// The limits `messages(lobbyId:after:limit:)` accepts; it clamps into this range.
    public static let limits: ClosedRange<Int> = 1...1000

    /// `limit` clamped into `limits`.
    static func clamp(_ limit: Int) -> Int {
        min(max(limit, limits.lowerBound), limits.upperBound)
    }
}
