/// Every setting of the server, typed, with its default. Built by `Config.load` from the environment and the
/// command line (flags win); see `Config+Settings.swift` for the table that documents each one, which also
/// produces `--help` and docs/configuration.md.
struct Config: Sendable {
    /// `development` turns on conveniences (the echo endpoint); `production` turns them off unless asked for.
    enum Environment: String, Sendable { case development, production }

    var environment: Environment = .development
    var host = "0.0.0.0"
    var port = 3005
    /// Event-loop threads; 0 means one per CPU this process may run on (`taskset` is honoured).
    var loops = 0
    var wsPath = "/ws"
    var healthPath = "/health"
    var metricsPath = "/metrics"
    /// nil until resolved: then true in development, false in production, unless set explicitly.
    var echoEnabled: Bool?
    var echoPath = "/echo"
    var echoMaxMessageSize = 16 * 1024 * 1024
    var benchRooms = false
    var benchRoomsPath = "/room"
    var maxMessageSize = 1024 * 1024
    /// Negotiate permessage-deflate (RFC 7692) with clients that offer it; off by default.
    var permessageDeflate = false
    var maxHeaderSize = 8192
    var maxBodySize = 64 * 1024
    var sendHighWater = 4 * 1024 * 1024
    /// A WebSocket with output pending that accepts no byte for this long is closed (1008).
    var sendStallTimeoutMs = 10_000
    /// TCP_NOTSENT_LOWAT on WS_PATH sockets (0: the kernel's default).
    var sendNotSentLowWater = 0
    var requestTimeoutMs = 10_000
    var keepAliveTimeoutMs = 15_000
    var closeTimeoutMs = 3_000
    var pingIntervalMs = 25_000
    var idleTimeoutMs = 60_000
    var shutdownTimeoutMs = 10_000
    var allowedOrigins: Set<String>? = nil
    var tlsCertificate: String? = nil
    var tlsPrivateKey: String? = nil
    var maxConnections = 0
    var logLevel: LogLevel = .info
    /// `JWT_SECRET` as given (nil when unset or empty); read it through `jwtSecret()`.
    var jwtSecretText: String? = nil
    /// Clock skew allowed on a session token's `exp` and `nbf`, in seconds.
    var jwtLeewaySeconds = 30
    /// `RATE_LIMITS` as given; empty means the built-in limits. The sessions layer parses it at start-up.
    var rateLimits = ""
    /// The SQLite database file.
    var databasePath = "data/lobby.sqlite"
    /// Where the migrations are; nil: searched (see Migrator.locate).
    var migrationsDirectory: String? = nil
    /// This instance's id; nil: the host name.
    var serverId: String? = nil
    /// How long a user with no open connection still counts as online.
    var presenceGraceMs = 5_000
    /// How long a disconnected lobby member keeps their seat.
    var lobbyReconnectGraceMs = 30_000
    /// Countdown before a game starts once everyone is ready.
    var lobbyCountdownMs = 3_000
    /// Lifetime of a lobby invitation.
    var lobbyInvitationTtlMs = 60_000
    /// Lobby chat messages kept per lobby (0: no cap).
    var lobbyChatKeep = 10_000
    /// Lobby chat messages older than this many days are pruned (0: never).
    var lobbyChatMaxAgeDays = 30
    /// Game simulation ticks per second.
    var gameTickRate = 60
    /// `game:state` broadcasts per second to players (0: every tick).
    var gameStateRate = 0
    /// `game:state` broadcasts per second to spectators (0: the players' rate).
    var gameSpectatorStateRate = 0
    /// How far behind live spectators of ordinary games are.
    var gameSpectatorDelayMs = 0
    /// How far behind live spectators of tournament matches are.
    var tournamentSpectatorDelayMs = 2_000
    /// How long a game waits for a disconnected player before they forfeit.
    var gameReconnectGraceMs = 30_000
    /// Countdown before a paused game resumes.
    var gameResumeCountdownMs = 3_000
    /// Pause before each serve.
    var gameServeDelayMs = 1_000
    /// Game shard threads; 0 means one per event loop.
    var gameShards = 0
    /// How game shard threads are scheduled.
    var gameThreadPriority: GameThreadPriority = .realtime

    /// Whether `/echo` is served, after applying the environment's default.
    var isEchoEnabled: Bool { echoEnabled ?? (environment == .development) }

    /// The resolved game shard count for `loopCount` loops.
    func gameShardCount(loopCount: Int) -> Int { gameShards > 0 ? gameShards : max(1, loopCount) }

    /// Ticks between two `game:state` broadcasts to players (at least 1).
    var gameStateEveryTicks: Int { gameStateRate == 0 ? 1 : max(1, (gameTickRate + gameStateRate / 2) / gameStateRate) }

    /// Ticks between two `game:state` broadcasts to spectators (at least 1).
    var gameSpectatorStateEveryTicks: Int {
        gameSpectatorStateRate == 0 ? gameStateEveryTicks
            : max(1, (gameTickRate + gameSpectatorStateRate / 2) / gameSpectatorStateRate)
    }

    /// The resolved loop count.
    func loopCount(availableCPUs: Int) -> Int { loops > 0 ? loops : max(1, availableCPUs) }

    /// The send-buffer high-water mark for an endpoint: never below two of its largest messages, so one
    /// maximum-size message can always be queued (the echo endpoint's 16 MiB messages among them).
    func highWater(maxMessageSize: Int) -> Int { max(sendHighWater, 2 * maxMessageSize + 64 * 1024) }

    /// The secret anyone may read in the source: what development servers sign with when JWT_SECRET is unset.
    static let developmentJWTSecret = "lobby-development-jwt-secret-do-not-use-in-production"
    /// Shortest JWT_SECRET accepted, in bytes (RFC 7518 section 3.2: an HS256 key of at least 256 bits).
    static let minimumJWTSecretBytes = 32

    /// The HS256 secret for session tokens: JWT_SECRET's bytes, or in development without one the public
    /// development secret (`isDevelopmentDefault`: the caller warns loudly). Production without JWT_SECRET, or
    /// with the development secret, is a start-up error; so is a secret under 32 bytes.
    func jwtSecret() throws(ConfigError) -> (secret: [UInt8], isDevelopmentDefault: Bool) {
        guard let text = jwtSecretText else {
            guard environment == .development else {
                throw ConfigError("JWT_SECRET is required when LOBBY_ENV=production (at least \(Self.minimumJWTSecretBytes) bytes)")
            }
            return (Array(Self.developmentJWTSecret.utf8), true)
        }
        guard text.utf8.count >= Self.minimumJWTSecretBytes else {
            throw ConfigError("JWT_SECRET must be at least \(Self.minimumJWTSecretBytes) bytes, got \(text.utf8.count)")
        }
        if environment == .production && text == Self.developmentJWTSecret {
            throw ConfigError("JWT_SECRET is the public development secret; production needs its own")
        }
        return (Array(text.utf8), false)
    }

    /// Checks cross-field rules; returns a message for the first broken one.
    func validate() throws(ConfigError) {
        if (tlsCertificate == nil) != (tlsPrivateKey == nil) {
            throw ConfigError("TLS needs both TLS_CERT and TLS_KEY (got only one)")
        }
        let paths = [wsPath, healthPath, metricsPath, echoPath, benchRoomsPath]
        for path in paths where !path.hasPrefix("/") {
            throw ConfigError("paths must start with '/': \(path)")
        }
        if Set(paths).count != paths.count { throw ConfigError("WS_PATH, HEALTH_PATH, METRICS_PATH, ECHO_PATH and the room path must differ") }
        if pingIntervalMs >= idleTimeoutMs {
            throw ConfigError("PING_INTERVAL_MS (\(pingIntervalMs)) must be below IDLE_TIMEOUT_MS (\(idleTimeoutMs))")
        }
    }
}

/// How the threads that tick game rooms ask the kernel to schedule them (GAME_THREAD_PRIORITY).
enum GameThreadPriority: String, Sendable, CaseIterable {
    /// SCHED_FIFO priority 1 where allowed (root or CAP_SYS_NICE), else `nice`; a shard that falls behind its
    /// schedule steps down to `nice` until it keeps up again, so an overloaded shard cannot starve the loops.
    case realtime
    /// Nice -10 where allowed, else normal.
    case nice
    /// The default scheduling, like every other thread.
    case normal
}

/// A configuration mistake, reported to the operator and ending the process with status 2.
struct ConfigError: Error, CustomStringConvertible, Sendable {
    let description: String
    init(_ description: String) { self.description = description }
}
