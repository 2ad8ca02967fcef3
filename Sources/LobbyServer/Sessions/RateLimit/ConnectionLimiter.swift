/// One token bucket per `RateLimitKind`, for one connection (or, inside `UserLimiter`, one user).
///
/// A value type stored inline in its owner (160 bytes, no allocation); it belongs to whoever holds it, in the
/// server the connection's loop.
struct ConnectionLimiter: Sendable {
    private var chat: TokenBucket
    private var gameInput: TokenBucket
    private var roomJoin: TokenBucket
    private var presence: TokenBucket
    private var other: TokenBucket

    /// Full buckets for `limits` as of `now` (monotonic nanoseconds).
    init(limits: RateLimitsByKind, now: UInt64) {
        chat = TokenBucket(limits.chat, now: now)
        gameInput = TokenBucket(limits.gameInput, now: now)
        roomJoin = TokenBucket(limits.roomJoin, now: now)
        presence = TokenBucket(limits.presence, now: now)
        other = TokenBucket(limits.other, now: now)
    }

    /// Takes `cost` from the bucket of `kind`; the other kinds are untouched.
    mutating func take(_ kind: RateLimitKind, now: UInt64, cost: Double = 1) -> TokenBucket.Decision {
        switch kind {
        case .chat: chat.take(now: now, cost: cost)
        case .gameInput: gameInput.take(now: now, cost: cost)
        case .roomJoin: roomJoin.take(now: now, cost: cost)
        case .presence: presence.take(now: now, cost: cost)
        case .other: other.take(now: now, cost: cost)
        }
    }

    /// Whether every bucket would be full at `now`, i.e. this limiter behaves exactly like a new one.
    func isFull(now: UInt64) -> Bool {
        chat.isFull(now: now) && gameInput.isFull(now: now) && roomJoin.isFull(now: now)
            && presence.isFull(now: now) && other.isFull(now: now)
    }
}
