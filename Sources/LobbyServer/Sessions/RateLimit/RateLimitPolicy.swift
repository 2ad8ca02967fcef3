/// Every rate limit the sessions layer applies: per connection and per user for each request kind, and new
/// connections per client IP. Built from `RATE_LIMITS` with `init(parsing:)`; read-only once the server runs.
struct RateLimitPolicy: Sendable, Equatable {
    /// How much more a user (all their connections together) may do than one connection.
    static let userMultiplier = 2.0

    /// Limits for each connection.
    var perConnection: RateLimitsByKind
    /// Limits for each user, across all their connections.
    var perUser: RateLimitsByKind
    /// New connections (WebSocket upgrades) per client IP.
    var connectionsPerIP: RateLimit

    /// The built-in policy: `RateLimitsByKind.connectionDefaults` per connection, twice that per user, and
    /// 20 connections at once / 20 per second per IP.
    static let defaults = RateLimitPolicy(
        perConnection: .connectionDefaults,
        perUser: RateLimitsByKind.connectionDefaults.scaled(by: userMultiplier),
        connectionsPerIP: RateLimit(capacity: 20, refillPerSecond: 20))

    /// Creates a policy from its parts.
    init(perConnection: RateLimitsByKind, perUser: RateLimitsByKind, connectionsPerIP: RateLimit) {
        self.perConnection = perConnection
        self.perUser = perUser
        self.connectionsPerIP = connectionsPerIP
    }
}
