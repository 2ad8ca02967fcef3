/// Upper bounds on what one invocation may do: every run is bounded in connections, time and rate.
enum Limits {
    /// Connections per run (a process holds at most ~RLIMIT_NOFILE sockets anyway).
    static let maxConnections = 200_000
    /// Seconds per window or hold.
    static let maxSeconds = 3600.0
    /// Messages per second per sender.
    static let maxRate = 1_000_000.0
}
