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
    /// nil until resolved: then true in development, false in production, unless set explicitly.
    var echoEnabled: Bool?
    var echoPath = "/echo"
    var echoMaxMessageSize = 16 * 1024 * 1024
    var benchRooms = false
    var benchRoomsPath = "/room"
    var maxMessageSize = 1024 * 1024
    var maxHeaderSize = 8192
    var maxBodySize = 64 * 1024
    var sendHighWater = 4 * 1024 * 1024
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

    /// Whether `/echo` is served, after applying the environment's default.
    var isEchoEnabled: Bool { echoEnabled ?? (environment == .development) }

    /// The resolved loop count.
    func loopCount(availableCPUs: Int) -> Int { loops > 0 ? loops : max(1, availableCPUs) }

    /// The send-buffer high-water mark for an endpoint: never below two of its largest messages, so one
    /// maximum-size message can always be queued (the echo endpoint's 16 MiB messages among them).
    func highWater(maxMessageSize: Int) -> Int { max(sendHighWater, 2 * maxMessageSize + 64 * 1024) }

    /// Checks cross-field rules; returns a message for the first broken one.
    func validate() throws(ConfigError) {
        if (tlsCertificate == nil) != (tlsPrivateKey == nil) {
            throw ConfigError("TLS needs both TLS_CERT and TLS_KEY (got only one)")
        }
        let paths = [wsPath, healthPath, echoPath, benchRoomsPath]
        for path in paths where !path.hasPrefix("/") {
            throw ConfigError("paths must start with '/': \(path)")
        }
        if Set(paths).count != paths.count { throw ConfigError("WS_PATH, HEALTH_PATH, ECHO_PATH and the room path must differ") }
        if pingIntervalMs >= idleTimeoutMs {
            throw ConfigError("PING_INTERVAL_MS (\(pingIntervalMs)) must be below IDLE_TIMEOUT_MS (\(idleTimeoutMs))")
        }
    }
}

/// A configuration mistake, reported to the operator and ending the process with status 2.
struct ConfigError: Error, CustomStringConvertible, Sendable {
    let description: String
    init(_ description: String) { self.description = description }
}
