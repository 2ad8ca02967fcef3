import CLinux
import GameEvents
import Synchronization

/// What every loop's session endpoint shares, read-only after start (the IP limiter behind its lock).
final class SessionServices: Sendable {
    let verifier: JWTVerifier
    let policy: RateLimitPolicy
    let serverId: String
    let heartbeatIntervalMs: Int
    let hub: Hub
    /// The game shards: `game:input` goes straight to the one that owns the game.
    let gameShards: [GameShard]
    /// New `/ws` connections per client address, shared by every loop (one short lock per upgrade).
    private let ipLimiter: Mutex<IPConnectionLimiter>

    init(verifier: JWTVerifier, policy: RateLimitPolicy, serverId: String, heartbeatIntervalMs: Int, hub: Hub,
         gameShards: [GameShard]) {
        self.verifier = verifier
        self.policy = policy
        self.serverId = serverId
        self.heartbeatIntervalMs = heartbeatIntervalMs
        self.hub = hub
        self.gameShards = gameShards
        ipLimiter = Mutex(IPConnectionLimiter(limit: policy.connectionsPerIP))
    }

    /// Admits (or refuses, with the retry delay) a new connection from `address`.
    func admit(_ address: String, now: UInt64) -> TokenBucket.Decision {
        ipLimiter.withLock { $0.admit(address, now: now) }
    }

    /// Wall-clock milliseconds for event timestamps.
    static func nowMs() -> Int64 { lobby_realtime_ms() }

    /// Encodes a server event into a frame ready for any number of connections.
    static func frame(_ event: ServerEvent, replyTo: String? = nil) -> SharedFrame {
        let bytes = EventCodec.encode(event, replyTo: replyTo, timestamp: nowMs())
        return bytes.withUnsafeBytes { SharedFrame.webSocket(.text, payload: $0) }
    }
}
