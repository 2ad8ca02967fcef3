import Synchronization

/// What every loop shares, read-only after start: configuration, routes, TLS context, start time, counters.
final class ServerContext: Sendable {
    let config: Config
    let routes: Routes
    let tls: TLSContext?
    /// Number of event loops.
    let loopCount: Int
    /// Monotonic start time, for uptime.
    let startedAt: UInt64
    /// Counters and gauges, updated with relaxed atomics from every loop.
    let stats = ServerStats()

    init(config: Config, routes: Routes, tls: TLSContext?, loopCount: Int) {
        self.config = config
        self.loopCount = loopCount
        self.routes = routes
        self.tls = tls
        self.startedAt = MonotonicClock.now()
    }
}

/// Process-wide transport counters (rare events only: connections, closes, errors, and snapshots dropped for
/// slow readers; never per message delivered).
final class ServerStats: Sendable {
    /// TCP connections open now.
    let connectionsOpen = Counter()
    /// TCP connections accepted since start.
    let connectionsAccepted = Counter()
    /// Connections refused because MAX_CONNECTIONS was reached.
    let connectionsRefused = Counter()
    /// accept(2) failures for lack of resources (EMFILE and friends).
    let acceptFailures = Counter()
    /// WebSocket sessions open now.
    let webSocketsOpen = Counter()
    /// WebSocket upgrades completed since start.
    let webSocketUpgrades = Counter()
    /// Upgrade or HTTP requests rejected with a 4xx/5xx status.
    let httpErrors = Counter()
    /// Plain HTTP requests served.
    let httpRequests = Counter()
    /// Slow readers closed because their send buffer passed the high-water mark.
    let backpressureCloses = Counter()
    /// Queued game-state snapshots replaced by a newer one before any byte of them was sent (slow readers).
    let snapshotsDropped = Counter()
    /// Connections closed because their output made no progress for SEND_STALL_TIMEOUT_MS.
    let stallCloses = Counter()
    /// Connections failed for a protocol violation (1002, 1007, 1009).
    let protocolErrors = Counter()
    /// Connections closed by a timeout (request, keep-alive, idle, close handshake).
    let timeouts = Counter()
    /// TLS handshakes or records that failed.
    let tlsFailures = Counter()
    /// Requests refused by a rate limit.
    let rateLimited = Counter()
    /// Connections closed for exceeding their rate limits repeatedly.
    let abuseCloses = Counter()
}

/// A relaxed atomic counter.
final class Counter: Sendable {
    private let value = Atomic<Int>(0)
    /// Adds `n` (negative to decrease).
    @inline(__always) func add(_ n: Int) { value.add(n, ordering: .relaxed) }
    /// The current value.
    @inline(__always) func load() -> Int { value.load(ordering: .relaxed) }
}
