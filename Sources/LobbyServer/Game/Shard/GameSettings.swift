/// The game settings every shard reads, resolved from `Config` once at start (ticks, not milliseconds, where
/// the shard counts).
struct GameSettings: Sendable {
    /// Simulation ticks per second.
    let tickRate: Int
    /// Ticks between two `game:state` broadcasts to players.
    let stateEveryTicks: Int
    /// Ticks between two `game:state` broadcasts to spectators.
    let spectatorStateEveryTicks: Int
    /// Spectator delay of ordinary games, in ticks.
    let spectatorDelayTicks: Int
    /// Spectator delay of tournament matches, in ticks.
    let tournamentSpectatorDelayTicks: Int
    /// How long a game waits for a disconnected player, in ticks and in milliseconds.
    let reconnectGraceTicks: Int
    let reconnectGraceMs: Int
    /// The countdown before a paused game resumes, in ticks and milliseconds.
    let resumeCountdownTicks: Int
    let resumeCountdownMs: Int
    /// The pause before each serve.
    let serveDelayMs: Int
    /// How the shard threads are scheduled.
    let priority: GameThreadPriority

    init(config: Config) {
        tickRate = config.gameTickRate
        stateEveryTicks = config.gameStateEveryTicks
        spectatorStateEveryTicks = config.gameSpectatorStateEveryTicks
        spectatorDelayTicks = Self.ticks(ms: config.gameSpectatorDelayMs, rate: config.gameTickRate)
        tournamentSpectatorDelayTicks = Self.ticks(ms: config.tournamentSpectatorDelayMs, rate: config.gameTickRate)
        reconnectGraceTicks = Self.ticks(ms: config.gameReconnectGraceMs, rate: config.gameTickRate)
        reconnectGraceMs = config.gameReconnectGraceMs
        resumeCountdownTicks = Self.ticks(ms: config.gameResumeCountdownMs, rate: config.gameTickRate)
        resumeCountdownMs = config.gameResumeCountdownMs
        serveDelayMs = config.gameServeDelayMs
        priority = config.gameThreadPriority
    }

    /// Milliseconds to whole ticks at `rate`, rounded to the nearest.
    static func ticks(ms: Int, rate: Int) -> Int { (ms * rate + 500) / 1000 }

    /// Ticks to milliseconds.
    func ms(ticks: Int) -> Int { ticks * 1000 / tickRate }
}
