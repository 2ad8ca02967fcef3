/// One `RateLimit` per `RateLimitKind`, stored inline (no dictionary, no allocation).
struct RateLimitsByKind: Sendable, Equatable {
    /// Chat messages.
    var chat: RateLimit
    /// Game inputs.
    var gameInput: RateLimit
    /// Room joins and leaves.
    var roomJoin: RateLimit
    /// Presence updates.
    var presence: RateLimit
    /// Everything else.
    var other: RateLimit

    /// The per-connection defaults: chat 5/2, gameInput 120/70, roomJoin 5/1, presence 5/1, other 20/10
    /// (burst / refill per second). Game input allows 60 Hz play with headroom.
    static let connectionDefaults = RateLimitsByKind(
        chat: RateLimit(capacity: 5, refillPerSecond: 2),
        gameInput: RateLimit(capacity: 120, refillPerSecond: 70),
        roomJoin: RateLimit(capacity: 5, refillPerSecond: 1),
        presence: RateLimit(capacity: 5, refillPerSecond: 1),
        other: RateLimit(capacity: 20, refillPerSecond: 10))

    /// The limit for `kind`.
    subscript(kind: RateLimitKind) -> RateLimit {
        get {
            switch kind {
            case .chat: chat
            case .gameInput: gameInput
            case .roomJoin: roomJoin
            case .presence: presence
            case .other: other
            }
        }
        set {
            switch kind {
            case .chat: chat = newValue
            case .gameInput: gameInput = newValue
            case .roomJoin: roomJoin = newValue
            case .presence: presence = newValue
            case .other: other = newValue
            }
        }
    }

    /// Every limit multiplied by `factor`.
    func scaled(by factor: Double) -> RateLimitsByKind {
        RateLimitsByKind(chat: chat.scaled(by: factor), gameInput: gameInput.scaled(by: factor),
                         roomJoin: roomJoin.scaled(by: factor), presence: presence.scaled(by: factor),
                         other: other.scaled(by: factor))
    }

    /// The longest `fullRefillNanoseconds` of the five: after this long unused, a whole set of buckets is new.
    var longestFullRefillNanoseconds: UInt64 {
        RateLimitKind.allCases.map { self[$0].fullRefillNanoseconds }.max() ?? 0
    }
}
