import CLinux
import Foundation
import Persistence

/// Wiring: the only place that names concrete parts. Builds the routes, the TLS context and the loops, and
/// runs the process lifecycle (signals, graceful shutdown).
final class App: @unchecked Sendable {
    let config: Config
    let group = LoopGroup()
    private(set) var server: ServerContext?
    /// The port actually bound (differs from `config.port` when that is 0).
    private(set) var port = 0

    init(config: Config) {
        self.config = config
    }

    /// The storage writer and the hub (users, presence, friends, direct messages).
    private(set) var writer: PersistenceWriter?
    private(set) var hub: Hub?
    /// The threads that run game rooms.
    private(set) var gameShards: [GameShard] = []

    /// Opens the database, starts the hub and the loops; returns once they accept connections.
    func start() throws {
        let loopCount = config.loopCount(availableCPUs: Int(lobby_available_cpus()))
        let tls = try config.tlsCertificate.map { cert in
            try TLSContext.server(certificatePath: cert, privateKeyPath: config.tlsPrivateKey ?? "")
        }
        let (secret, isDevelopmentSecret) = try config.jwtSecret()
        if isDevelopmentSecret {
            Log.warning("JWT_SECRET is not set: using the PUBLIC development secret. Anyone can forge tokens. "
                        + "Set JWT_SECRET (32+ bytes) before exposing this server.")
        }
        let policy = try RateLimitPolicy(parsing: config.rateLimits)
        let writer = try Self.openDatabase(config)
        self.writer = writer
        let fanout = Fanout()
        let shard = try Shard(name: "lobby-hub")
        let lobbyRules = LobbyRules(countdownMs: Int64(config.lobbyCountdownMs), invitationTtlMs: Int64(config.lobbyInvitationTtlMs),
                                    disconnectGraceMs: Int64(config.lobbyReconnectGraceMs))
        let gameSettings = GameSettings(config: config)
        let hub = Hub(shard: shard, writer: writer, fanout: fanout, presenceGraceMs: config.presenceGraceMs, policy: policy,
                      lobbyRules: lobbyRules, gameSettings: gameSettings)
        self.hub = hub
        let games = (0..<config.gameShardCount(loopCount: loopCount)).map { index in
            GameShard(index: index, settings: gameSettings, fanout: fanout, writer: writer)
        }
        for game in games { game.hub = hub }
        hub.gameShards = games
        gameShards = games
        let keep = config.lobbyChatKeep
        let maxAgeDays = config.lobbyChatMaxAgeDays
        hub.execute {
            hub.scheduleChatRetention(keep: keep, maxAgeDays: maxAgeDays)
            hub.scheduleInvitationPurge()
        }
        // Lobbies saved at the last clean shutdown come back before any connection is accepted.
        let saved = try writer.submitAndWait { stores in try stores.savedLobbies.takeAll() }
        hub.execute { hub.restoreLobbies(saved) }
        let services = SessionServices(
            verifier: JWTVerifier(secret: secret, leewaySeconds: config.jwtLeewaySeconds), policy: policy,
            serverId: config.serverId ?? ProcessInfo.processInfo.hostName, heartbeatIntervalMs: config.pingIntervalMs, hub: hub,
            gameShards: games)
        var routes = Routes()
        routes.add(Health.route(path: config.healthPath))
        routes.add(Metrics.route(path: config.metricsPath) { games })
        routes.add(SessionEndpoint.route(config: config, services: services))
        if config.isEchoEnabled { routes.add(EchoHandler.route(config: config)) }
        if config.benchRooms { routes.add(BenchRoomHandler.route(config: config, fanout: fanout)) }
        let server = ServerContext(config: config, routes: routes, tls: tls, loopCount: loopCount)
        self.server = server
        port = try group.start(count: loopCount, server: server)
        fanout.setLoops(group.loops)
        shard.start()
        for game in games { game.start() }
        Log.notice("listening", ["host": config.host, "port": port, "tls": tls != nil, "loops": loopCount,
                                 "echo": config.isEchoEnabled, "env": config.environment.rawValue])
    }

    /// Graceful shutdown: stop accepting, close every WebSocket with 1001, flush, and wait for the loops
    /// (bounded by SHUTDOWN_TIMEOUT_MS plus a margin). True when every loop finished in time.
    @discardableResult
    func stop() -> Bool {
        group.beginShutdown()
        var clean = group.wait(timeoutMs: config.shutdownTimeoutMs + 2_000)
        // The loops are done, so no new work reaches the hub; let it finish what is queued, then flush storage.
        // Games still running are ended (abandoned) and stored before the hub saves the lobbies.
        for game in gameShards { clean = game.stop(timeoutMs: 5_000) && clean }
        if let hub {
            hub.execute { hub.saveLobbies() }
            clean = hub.stop(timeoutMs: 5_000) && clean
        }
        writer?.close()
        return clean
    }

    /// Opens (creating if needed) the database and applies pending migrations.
    static func openDatabase(_ config: Config) throws -> PersistenceWriter {
        let directory = (config.databasePath as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        let migrations = try Migrator.locate(explicit: config.migrationsDirectory)
        let writer = try PersistenceWriter.open(path: config.databasePath, migrationsDirectory: migrations)
        Log.info("database open", ["path": config.databasePath, "migrations": migrations.path])
        return writer
    }

    /// The process entry: blocks SIGTERM/SIGINT into a signalfd before any thread starts, runs until a signal
    /// arrives, then shuts down gracefully. Returns the exit status.
    static func main(config: Config) -> Int32 {
        Log.level = config.logLevel
        let nofile = lobby_raise_nofile()
        let signals = lobby_signalfd_for_shutdown()
        guard signals >= 0 else {
            Log.critical("cannot set up signal handling", ["errno": lobby_errno()])
            return 1
        }
        if config.environment == .production && config.isEchoEnabled {
            Log.warning("the echo endpoint is enabled in production", ["path": config.echoPath])
        }
        let app = App(config: config)
        do {
            try app.start()
        } catch let error as ConfigError {
            Log.critical("configuration error", ["error": error])
            return 2
        } catch let error as RateLimitPolicyError {
            Log.critical("configuration error", ["setting": "RATE_LIMITS", "error": error])
            return 2
        } catch {
            Log.critical("start-up failed", ["error": error])
            return 1
        }
        Log.info("open-files limit", ["nofile": nofile])
        let signal = lobby_signalfd_read(signals)
        Log.notice("shutting down", ["signal": signal, "timeoutMs": config.shutdownTimeoutMs])
        let clean = app.stop()
        Log.notice("stopped", ["clean": clean])
        return 0
    }
}
