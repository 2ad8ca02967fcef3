/// How the load engine connects and how long it waits; the scenario decides the traffic.
struct EngineOptions {
    /// Where to connect.
    var target: LoopbackTarget
    /// Connections to open (bounded by the caller).
    var connections: Int
    /// Connection i joins room `i % rooms` (the `{room}` placeholder).
    var rooms = 1
    /// Request path of each connection (a per-user token in the query, say); empty = the target's path template.
    var connectionPaths: [String] = []
    /// Connections started per second; 0 = as fast as `maxPending` allows.
    var ramp: Double = 0
    /// Connections in connect or handshake at once.
    var maxPending = 256
    /// Source addresses bound round-robin (all in 127.0.0.0/8), to go past one address's ephemeral ports.
    var sourceIPs: [String] = []
    /// Per-connection limit for TCP connect + handshake, in ms.
    var connectTimeoutMs = 10_000
    /// Closed loop: give up on an unanswered message after this many ms.
    var inflightTimeoutMs = 5_000
    /// Largest message accepted from the server.
    var maxMessageSize = 16 << 20
    /// Unsent bytes per connection beyond which new messages are dropped (and counted).
    var maxOutputBytes = 32 << 20
    /// Print one line per second while measuring or holding.
    var progress = false
}
