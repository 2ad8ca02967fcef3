/// One configurable setting: its environment variable, its flag, its default as text, and how to apply a value.
struct Setting: Sendable {
    /// What kind of value it takes (flags of kind `.bool` need no value: `--echo`, `--no-echo`).
    enum Kind: Sendable { case int, string, bool, list }

    let env: String
    let flag: String
    let kind: Kind
    let defaultText: String
    let help: String
    let apply: @Sendable (inout Config, String) throws(ConfigError) -> Void
}

extension Config {
    /// The table of every setting, in the order `--help` and docs/configuration.md list them.
    static let settings: [Setting] = [
        Setting(env: "LOBBY_ENV", flag: "env", kind: .string, defaultText: "development",
                help: "development or production; production turns the echo endpoint off by default") { c, v throws(ConfigError) in
            guard let e = Environment(rawValue: v.lowercased()) else { throw ConfigError("LOBBY_ENV must be development or production, got '\(v)'") }
            c.environment = e
        },
        Setting(env: "HOST", flag: "host", kind: .string, defaultText: "0.0.0.0",
                help: "address to listen on (IPv4 or IPv6 literal)") { c, v throws(ConfigError) in c.host = v },
        Setting(env: "PORT", flag: "port", kind: .int, defaultText: "3005",
                help: "TCP port (0 picks a free one; the chosen port is logged)") { c, v throws(ConfigError) in
            c.port = try int(v, "PORT", 0...65535)
        },
        Setting(env: "LOOPS", flag: "loops", kind: .int, defaultText: "0",
                help: "event-loop threads; 0 = one per CPU the process may use (taskset is honoured)") { c, v throws(ConfigError) in
            c.loops = try int(v, "LOOPS", 0...256)
        },
        Setting(env: "WS_PATH", flag: "ws-path", kind: .string, defaultText: "/ws",
                help: "path of the game WebSocket endpoint") { c, v throws(ConfigError) in c.wsPath = v },
        Setting(env: "HEALTH_PATH", flag: "health-path", kind: .string, defaultText: "/health",
                help: "path of the JSON health check") { c, v throws(ConfigError) in c.healthPath = v },
        Setting(env: "METRICS_PATH", flag: "metrics-path", kind: .string, defaultText: "/metrics",
                help: "path of the Prometheus text metrics (connections, game tick lateness and duration, CPU)") { c, v throws(ConfigError) in c.metricsPath = v },
        Setting(env: "ECHO_ENABLED", flag: "echo", kind: .bool, defaultText: "on in development",
                help: "serve the conformance echo endpoint (--echo / --no-echo)") { c, v throws(ConfigError) in
            c.echoEnabled = try bool(v, "ECHO_ENABLED")
        },
        Setting(env: "ECHO_PATH", flag: "echo-path", kind: .string, defaultText: "/echo",
                help: "path of the echo endpoint") { c, v throws(ConfigError) in c.echoPath = v },
        Setting(env: "ECHO_MAX_MESSAGE_SIZE", flag: "echo-max-message-size", kind: .int, defaultText: "16777216",
                help: "largest message the echo endpoint accepts, in bytes (16 MiB: the Autobahn 9.x cases)") { c, v throws(ConfigError) in
            c.echoMaxMessageSize = try int(v, "ECHO_MAX_MESSAGE_SIZE", 0...(1 << 30))
        },
        Setting(env: "BENCH_ROOMS", flag: "bench-rooms", kind: .bool, defaultText: "off",
                help: "serve /room?room=R, the broadcast benchmark's test path (--bench-rooms)") { c, v throws(ConfigError) in
            c.benchRooms = try bool(v, "BENCH_ROOMS")
        },
        Setting(env: "MAX_MESSAGE_SIZE", flag: "max-message-size", kind: .int, defaultText: "1048576",
                help: "largest WebSocket message on WS_PATH, in bytes; larger ones close the connection with 1009") { c, v throws(ConfigError) in
            c.maxMessageSize = try int(v, "MAX_MESSAGE_SIZE", 0...(1 << 30))
        },
        Setting(env: "PERMESSAGE_DEFLATE", flag: "permessage-deflate", kind: .bool, defaultText: "off",
                help: "compress WebSocket messages with clients that offer permessage-deflate (RFC 7692), without context takeover") { c, v throws(ConfigError) in
            c.permessageDeflate = try bool(v, "PERMESSAGE_DEFLATE")
        },
        Setting(env: "MAX_HEADER_SIZE", flag: "max-header-size", kind: .int, defaultText: "8192",
                help: "largest HTTP request head, in bytes; larger ones get 431") { c, v throws(ConfigError) in
            c.maxHeaderSize = try int(v, "MAX_HEADER_SIZE", 256...(1 << 20))
        },
        Setting(env: "MAX_BODY_SIZE", flag: "max-body-size", kind: .int, defaultText: "65536",
                help: "largest plain-HTTP request body, in bytes; larger ones get 413") { c, v throws(ConfigError) in
            c.maxBodySize = try int(v, "MAX_BODY_SIZE", 0...(1 << 30))
        },
        Setting(env: "SEND_HIGH_WATER", flag: "send-high-water", kind: .int, defaultText: "4194304",
                help: "bytes queued for one slow reader before it is closed with 1008 (raised to twice the endpoint's max message)") { c, v throws(ConfigError) in
            c.sendHighWater = try int(v, "SEND_HIGH_WATER", 1024...(1 << 32))
        },
        Setting(env: "SEND_STALL_TIMEOUT_MS", flag: "send-stall-timeout-ms", kind: .int, defaultText: "10000",
                help: "a WebSocket with output pending that accepts no byte for this long is closed with 1008 (game state to a slow reader is dropped, never queued)") { c, v throws(ConfigError) in
            c.sendStallTimeoutMs = try int(v, "SEND_STALL_TIMEOUT_MS", 100...3_600_000)
        },
        Setting(env: "SEND_NOTSENT_LOWAT", flag: "send-notsent-lowat", kind: .int, defaultText: "0",
                help: "TCP_NOTSENT_LOWAT on WS_PATH sockets: unsent bytes the kernel may hold; the rest waits in the server's queue, where game state stays latest-only (0 = kernel default)") { c, v throws(ConfigError) in
            c.sendNotSentLowWater = try int(v, "SEND_NOTSENT_LOWAT", 0...(64 << 20))
        },
        Setting(env: "REQUEST_TIMEOUT_MS", flag: "request-timeout-ms", kind: .int, defaultText: "10000",
                help: "time to receive a whole HTTP request head (slow-loris guard), and a TLS handshake") { c, v throws(ConfigError) in
            c.requestTimeoutMs = try int(v, "REQUEST_TIMEOUT_MS", 1...3_600_000)
        },
        Setting(env: "KEEPALIVE_TIMEOUT_MS", flag: "keepalive-timeout-ms", kind: .int, defaultText: "15000",
                help: "idle time before a keep-alive HTTP connection is closed") { c, v throws(ConfigError) in
            c.keepAliveTimeoutMs = try int(v, "KEEPALIVE_TIMEOUT_MS", 1...3_600_000)
        },
        Setting(env: "CLOSE_TIMEOUT_MS", flag: "close-timeout-ms", kind: .int, defaultText: "3000",
                help: "time to wait for the peer's half of a close handshake before dropping the TCP connection") { c, v throws(ConfigError) in
            c.closeTimeoutMs = try int(v, "CLOSE_TIMEOUT_MS", 1...600_000)
        },
        Setting(env: "PING_INTERVAL_MS", flag: "ping-interval-ms", kind: .int, defaultText: "25000",
                help: "a WebSocket silent this long is sent a ping") { c, v throws(ConfigError) in
            c.pingIntervalMs = try int(v, "PING_INTERVAL_MS", 1...3_600_000)
        },
        Setting(env: "IDLE_TIMEOUT_MS", flag: "idle-timeout-ms", kind: .int, defaultText: "60000",
                help: "a WebSocket silent this long (no frame, not even a pong) is closed with 1001") { c, v throws(ConfigError) in
            c.idleTimeoutMs = try int(v, "IDLE_TIMEOUT_MS", 1...86_400_000)
        },
        Setting(env: "SHUTDOWN_TIMEOUT_MS", flag: "shutdown-timeout-ms", kind: .int, defaultText: "10000",
                help: "on SIGTERM/SIGINT, how long to wait for connections to close before exiting anyway") { c, v throws(ConfigError) in
            c.shutdownTimeoutMs = try int(v, "SHUTDOWN_TIMEOUT_MS", 0...600_000)
        },
        Setting(env: "ALLOWED_ORIGINS", flag: "allowed-origins", kind: .list, defaultText: "(any)",
                help: "comma-separated Origin allow-list for WebSocket upgrades; requests with another Origin get 403") { c, v throws(ConfigError) in
            let list = v.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            c.allowedOrigins = list.isEmpty ? nil : Set(list)
        },
        Setting(env: "TLS_CERT", flag: "tls-cert", kind: .string, defaultText: "(none)",
                help: "PEM certificate chain; with TLS_KEY the server speaks https:// and wss:// only") { c, v throws(ConfigError) in
            c.tlsCertificate = v.isEmpty ? nil : v
        },
        Setting(env: "TLS_KEY", flag: "tls-key", kind: .string, defaultText: "(none)",
                help: "PEM private key for TLS_CERT") { c, v throws(ConfigError) in c.tlsPrivateKey = v.isEmpty ? nil : v },
        Setting(env: "MAX_CONNECTIONS", flag: "max-connections", kind: .int, defaultText: "0",
                help: "connections per process before new ones are refused; 0 = the open-files limit") { c, v throws(ConfigError) in
            c.maxConnections = try int(v, "MAX_CONNECTIONS", 0...10_000_000)
        },
        Setting(env: "LOG_LEVEL", flag: "log-level", kind: .string, defaultText: "info",
                help: "trace, debug, info, notice, warning, error or critical") { c, v throws(ConfigError) in
            guard let level = LogLevel(name: v) else { throw ConfigError("LOG_LEVEL must be one of trace, debug, info, notice, warning, error, critical; got '\(v)'") }
            c.logLevel = level
        },
        Setting(env: "JWT_SECRET", flag: "jwt-secret", kind: .string, defaultText: "(none: development secret)",
                help: "HS256 secret for session tokens, at least 32 bytes; required in production (development falls back to a public secret, with a warning)") { c, v throws(ConfigError) in
            guard v.isEmpty || v.utf8.count >= minimumJWTSecretBytes else {
                throw ConfigError("JWT_SECRET must be at least \(minimumJWTSecretBytes) bytes, got \(v.utf8.count)")
            }
            c.jwtSecretText = v.isEmpty ? nil : v
        },
        Setting(env: "JWT_LEEWAY_SECONDS", flag: "jwt-leeway-seconds", kind: .int, defaultText: "30",
                help: "clock skew allowed when checking a session token's exp and nbf, in seconds") { c, v throws(ConfigError) in
            c.jwtLeewaySeconds = try int(v, "JWT_LEEWAY_SECONDS", 0...600)
        },
        Setting(env: "RATE_LIMITS", flag: "rate-limits", kind: .list, defaultText: "(built-in)",
                help: "rate-limit overrides as name=burst/perSecond, e.g. chat=5/2,gameInput=120/70,connectionsPerIp=20/20") { c, v throws(ConfigError) in
            c.rateLimits = v
        },
        Setting(env: "DATABASE_PATH", flag: "database-path", kind: .string, defaultText: "data/lobby.sqlite",
                help: "SQLite database file (created with its directory if missing; migrations applied at start)") { c, v throws(ConfigError) in
            guard !v.isEmpty else { throw ConfigError("DATABASE_PATH must not be empty") }
            c.databasePath = v
        },
        Setting(env: "MIGRATIONS_DIR", flag: "migrations-dir", kind: .string, defaultText: "(searched)",
                help: "directory of NNNN_name.sql migrations; else LOBBY_MIGRATIONS_DIR, ./Migrations, or beside the executable") { c, v throws(ConfigError) in
            c.migrationsDirectory = v.isEmpty ? nil : v
        },
        Setting(env: "SERVER_ID", flag: "server-id", kind: .string, defaultText: "(host name)",
                help: "this instance's id, reported in connection.ack") { c, v throws(ConfigError) in
            guard !v.isEmpty, v.count <= 64 else { throw ConfigError("SERVER_ID must be 1-64 characters") }
            c.serverId = v
        },
        Setting(env: "PRESENCE_GRACE_MS", flag: "presence-grace-ms", kind: .int, defaultText: "5000",
                help: "a user whose last connection closed stays online this long (a reconnect shows nothing to friends)") { c, v throws(ConfigError) in
            c.presenceGraceMs = try int(v, "PRESENCE_GRACE_MS", 0...600_000)
        },
        Setting(env: "LOBBY_RECONNECT_GRACE_MS", flag: "lobby-reconnect-grace-ms", kind: .int, defaultText: "30000",
                help: "a lobby member whose last connection dropped keeps their seat this long (shown as disconnected)") { c, v throws(ConfigError) in
            c.lobbyReconnectGraceMs = try int(v, "LOBBY_RECONNECT_GRACE_MS", 0...3_600_000)
        },
        Setting(env: "LOBBY_COUNTDOWN_MS", flag: "lobby-countdown-ms", kind: .int, defaultText: "3000",
                help: "countdown between everyone being ready and the game starting") { c, v throws(ConfigError) in
            c.lobbyCountdownMs = try int(v, "LOBBY_COUNTDOWN_MS", 0...60_000)
        },
        Setting(env: "LOBBY_INVITATION_TTL_MS", flag: "lobby-invitation-ttl-ms", kind: .int, defaultText: "60000",
                help: "how long a lobby invitation can be accepted") { c, v throws(ConfigError) in
            c.lobbyInvitationTtlMs = try int(v, "LOBBY_INVITATION_TTL_MS", 1_000...86_400_000)
        },
        Setting(env: "LOBBY_CHAT_KEEP", flag: "lobby-chat-keep", kind: .int, defaultText: "10000",
                help: "lobby chat retention: messages kept per lobby (older ones pruned in the background; 0 = no cap)") { c, v throws(ConfigError) in
            c.lobbyChatKeep = try int(v, "LOBBY_CHAT_KEEP", 0...100_000_000)
        },
        Setting(env: "LOBBY_CHAT_MAX_AGE_DAYS", flag: "lobby-chat-max-age-days", kind: .int, defaultText: "30",
                help: "lobby chat retention: messages older than this are pruned in the background (0 = keep forever)") { c, v throws(ConfigError) in
            c.lobbyChatMaxAgeDays = try int(v, "LOBBY_CHAT_MAX_AGE_DAYS", 0...36_500)
        },
        Setting(env: "GAME_TICK_RATE", flag: "game-tick-rate", kind: .int, defaultText: "60",
                help: "game simulation ticks per second (speeds are per second, so the game plays the same at any rate)") { c, v throws(ConfigError) in
            c.gameTickRate = try int(v, "GAME_TICK_RATE", 10...240)
        },
        Setting(env: "GAME_STATE_RATE", flag: "game-state-rate", kind: .int, defaultText: "0",
                help: "game:state broadcasts per second to players; 0 = every tick (rounded to a whole number of ticks)") { c, v throws(ConfigError) in
            c.gameStateRate = try int(v, "GAME_STATE_RATE", 0...240)
        },
        Setting(env: "GAME_SPECTATOR_STATE_RATE", flag: "game-spectator-state-rate", kind: .int, defaultText: "0",
                help: "game:state broadcasts per second to spectators; 0 = the players' rate") { c, v throws(ConfigError) in
            c.gameSpectatorStateRate = try int(v, "GAME_SPECTATOR_STATE_RATE", 0...240)
        },
        Setting(env: "GAME_SPECTATOR_DELAY_MS", flag: "game-spectator-delay-ms", kind: .int, defaultText: "0",
                help: "spectators of ordinary games see the game this much later than the players") { c, v throws(ConfigError) in
            c.gameSpectatorDelayMs = try int(v, "GAME_SPECTATOR_DELAY_MS", 0...60_000)
        },
        Setting(env: "TOURNAMENT_SPECTATOR_DELAY_MS", flag: "tournament-spectator-delay-ms", kind: .int, defaultText: "2000",
                help: "spectators of tournament matches see the game this much later (so watchers cannot relay live positions)") { c, v throws(ConfigError) in
            c.tournamentSpectatorDelayMs = try int(v, "TOURNAMENT_SPECTATOR_DELAY_MS", 0...60_000)
        },
        Setting(env: "GAME_RECONNECT_GRACE_MS", flag: "game-reconnect-grace-ms", kind: .int, defaultText: "30000",
                help: "a player whose last connection dropped pauses the game this long before losing by forfeit") { c, v throws(ConfigError) in
            c.gameReconnectGraceMs = try int(v, "GAME_RECONNECT_GRACE_MS", 0...3_600_000)
        },
        Setting(env: "GAME_RESUME_COUNTDOWN_MS", flag: "game-resume-countdown-ms", kind: .int, defaultText: "3000",
                help: "after a paused game's player is back, play resumes after this countdown") { c, v throws(ConfigError) in
            c.gameResumeCountdownMs = try int(v, "GAME_RESUME_COUNTDOWN_MS", 0...60_000)
        },
        Setting(env: "GAME_SERVE_DELAY_MS", flag: "game-serve-delay-ms", kind: .int, defaultText: "1000",
                help: "pause before each serve (the first one and after every point)") { c, v throws(ConfigError) in
            c.gameServeDelayMs = try int(v, "GAME_SERVE_DELAY_MS", 0...60_000)
        },
        Setting(env: "GAME_SHARDS", flag: "game-shards", kind: .int, defaultText: "0",
                help: "threads that run game rooms (each ticks its rooms on one fixed schedule); 0 = one per event loop") { c, v throws(ConfigError) in
            c.gameShards = try int(v, "GAME_SHARDS", 0...64)
        },
        Setting(env: "GAME_THREAD_PRIORITY", flag: "game-thread-priority", kind: .string, defaultText: "realtime",
                help: "scheduling of the game threads: realtime (SCHED_FIFO 1 if allowed, stepping down while behind), nice (-10) or normal") { c, v throws(ConfigError) in
            guard let priority = GameThreadPriority(rawValue: v.lowercased()) else {
                throw ConfigError("GAME_THREAD_PRIORITY must be realtime, nice or normal, got '\(v)'")
            }
            c.gameThreadPriority = priority
        },
    ]

    private static func int(_ text: String, _ name: String, _ range: ClosedRange<Int>) throws(ConfigError) -> Int {
        guard let value = Int(text.replacingOccurrences(of: "_", with: "")), range.contains(value) else {
            throw ConfigError("\(name) must be an integer in \(range.lowerBound)...\(range.upperBound), got '\(text)'")
        }
        return value
    }

    private static func bool(_ text: String, _ name: String) throws(ConfigError) -> Bool {
        switch text.lowercased() {
        case "1", "true", "yes", "on": return true
        case "0", "false", "no", "off": return false
        default: throw ConfigError("\(name) must be true or false, got '\(text)'")
        }
    }
}
