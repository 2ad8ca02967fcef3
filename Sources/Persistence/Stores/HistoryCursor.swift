/// Which page of a conversation `history` returns (the `before`/`after` of `chat:history`; at most one is given).
public enum HistoryCursor: Sendable, Equatable {
    /// The newest messages.
    case latest
    /// The newest messages with an id below this one (scrolling back).
    case before(Int64)
    /// The oldest messages with an id above this one (catching up after a reconnect).
    case after(Int64)

    /// The cursor for the wire's optional `before`/`after`; nil when both are given (`invalid_payload`).
    public init?(before: Int64?, after: Int64?) {
        switch (before, after) {
        case (nil, nil): self = .latest
        case (let id?, nil): self = .before(id)
        case (nil, let id?): self = .after(id)
        case (.some, .some): return nil
        }
    }
}
