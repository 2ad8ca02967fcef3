/// Whole-run counters of the load engine: connection outcomes, closes and errors.
struct ConnectionCounters {
    /// Connections whose handshake succeeded.
    var opened = 0
    /// TCP connect failed (refused, no ports left, ...).
    var failConnect = 0
    /// The upgrade failed: not a valid 101, or the server hung up during it.
    var failHandshake = 0
    /// Connect + handshake took longer than the connect timeout, or had not finished at the end.
    var failTimeout = 0
    /// Text and binary messages received.
    var receivedMessages = 0
    /// Payload bytes of those messages.
    var receivedBytes = 0
    /// Close frames the server started.
    var closesByServer = 0
    /// Our close answered by the server's close.
    var closesClean = 0
    /// Our close not answered before the close timeout.
    var closeTimeouts = 0
    /// Close codes received, by code (nil body = 1005).
    var closeCodes: [UInt16: Int] = [:]
    /// The server closed TCP without a close frame.
    var errorEOF = 0
    /// ECONNRESET / EPIPE.
    var errorReset = 0
    /// Protocol violations by the server (we closed with its close code).
    var errorProtocol = 0
    /// Any other socket error.
    var errorOther = 0
    /// Pings received (each answered with a pong).
    var pings = 0
    /// The first protocol violation, described.
    var firstProtocolError = ""

    /// Connections that never opened.
    var failed: Int { failConnect + failHandshake + failTimeout }
}

/// Counters of one measurement window (reset at its start).
struct WindowCounters {
    /// Messages sent.
    var sent = 0
    /// Payload bytes sent.
    var sentBytes = 0
    /// Markers received inside the window.
    var deliveries = 0
    /// Markers of this window received after it ended (during the drain).
    var deliveriesDrain = 0
    /// Closed loop: messages given up after the in-flight timeout.
    var inflightTimeouts = 0
    /// Sends skipped because the connection's unsent output exceeded the limit.
    var outputFullDrops = 0
    /// Fixed rate: a sender fell more than 1 s behind and its schedule restarted from now.
    var scheduleResets = 0
    /// Fixed rate: the furthest a send fell behind its schedule (ns).
    var sendLagMaxNs: UInt64 = 0
    /// Fixed rate: sends that left more than 1 ms late.
    var sendsLate1ms = 0
}

/// What the engine does with markers it receives.
enum WindowPhase {
    /// Not measuring: markers are ignored.
    case off
    /// Inside the window: markers count as deliveries; senders send.
    case measuring
    /// After the window: markers of this window still count (as drain deliveries); nobody sends.
    case draining
}

/// The traffic a measurement window drives.
enum TrafficMode {
    /// Each sender keeps `inflight` messages unanswered, sending the next when one of its markers comes back.
    case closedLoop(inflight: Int)
    /// Each sender sends `perSecond` messages per second on its own schedule, phases spread evenly.
    case fixedRate(perSecond: Double)
}
