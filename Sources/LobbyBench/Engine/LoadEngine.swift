import CLinux
import Glibc
import WebSocketCore

/// A single-threaded, non-blocking WebSocket client for load: many connections on one epoll instance, one shared
/// read buffer, frames parsed with ``MessageReader`` (client role), writes coalesced per loop turn, latency markers
/// (``Marker``) recorded into a ``LatencyHistogram``.
///
/// Scenarios drive it phase by phase: ``connectAll()``, ``idle(milliseconds:)``, ``measure(_:senders:seconds:drainMs:)``
/// and ``closeAll(timeoutMs:)``. Each phase runs the event loop until its deadline or condition.
final class LoadEngine {
    /// Settings.
    let options: EngineOptions
    /// The server under test, sampled over each window (`--server-pid`).
    let server: ServerProbe?
    /// Connection count.
    let count: Int
    /// Per-connection state, allocated once.
    let conns: UnsafeMutablePointer<BenchConnection>
    /// The epoll instance.
    let epfd: Int32
    /// signalfd for SIGINT/SIGTERM/SIGHUP: ends the current phase early; results are still printed.
    let signalFD: Int32
    /// The read buffer every connection reads into.
    let readBuffer: UnsafeMutableRawBufferPointer
    /// epoll results.
    let events: UnsafeMutablePointer<lobby_epoll_event>
    /// Size of `events`.
    let maxEvents = 1024
    /// Token of the signalfd (connection tokens are their indices).
    static let signalToken = UInt64.max

    /// Handshakes in progress, by connection index.
    var handshakes: [Int: PendingHandshake] = [:]
    /// Connections with output queued since the last flush.
    var dirtyList: [Int32] = []
    /// Masking keys.
    var random = FastRandom()
    /// Monotonic time of the current loop turn (ns).
    var now: UInt64 = 0
    /// A signal asked us to stop.
    var interrupted = false

    /// Connections started so far (they start in index order).
    var started = 0
    /// Connections in connect or handshake.
    var pending = 0
    /// Connections open or closing.
    var openCount = 0
    /// New connections may be started (the connect phase).
    var connecting = false
    /// When the connect phase began (for the ramp).
    var connectStartNs: UInt64 = 0
    /// Last time any bytes arrived (ns).
    var lastReceiveNs: UInt64 = 0

    /// Whole-run counters.
    var counters = ConnectionCounters()
    /// Counters of the current window.
    var window = WindowCounters()
    /// What received markers mean right now.
    var phase = WindowPhase.off
    /// Markers sent before this are not from the current window.
    var windowStartNs: UInt64 = 0
    /// End of the current window.
    var windowEndNs: UInt64 = 0
    /// Last delivery recorded in the current window (ns).
    var lastDeliveryNs: UInt64 = 0
    /// Latencies of the current window.
    let histogram = LatencyHistogram()
    /// Marker sequence numbers (unique across the run).
    var sequence: UInt64 = 0
    /// Called with every text message before its markers are counted (a scenario that speaks a protocol: the
    /// lobby scenario's requests and answers). Its payload is borrowed: valid only during the call.
    var onText: ((Int, UnsafeRawBufferPointer) -> Void)?
    /// Called every loop turn before waiting, and between batches of 64 events: a scenario's own timed work (the
    /// game scenario's inputs). It lowers the `wake` it is given to when it next needs to run.
    var onTurn: ((inout UInt64) -> Void)?

    /// The first `senders` connections send in the current window.
    var senders = 0
    /// What each sender sends.
    var templates: MessageTemplates?
    /// The traffic of the current window.
    var mode = TrafficMode.closedLoop(inflight: 1)
    /// Fixed rate: the schedule.
    var schedule: SenderHeap?
    /// Fixed rate: ns between two sends of one sender.
    var periodNs: Double = 0
    /// Closed loop: unanswered messages.
    var book: ClosedLoopBook?

    /// Next time for the periodic checks (timeouts).
    var nextCheckNs: UInt64 = 0
    /// Next progress line (0 = none).
    var nextProgressNs: UInt64 = 0
    /// Progress lines count seconds from here.
    var progressOriginNs: UInt64 = 0

    /// Sets up epoll, the signalfd and the buffers for `options.connections` connections (none is opened yet).
    init(options: EngineOptions, server: ServerProbe?) throws(BenchError) {
        self.options = options
        self.server = server
        count = options.connections
        epfd = lobby_epoll_create()
        guard epfd >= 0 else { throw BenchError("epoll_create failed: errno \(lobby_errno())") }
        signalFD = lobby_signalfd_for_shutdown()
        if signalFD >= 0 { _ = lobby_epoll_add(epfd, signalFD, LOBBY_EPOLLIN, Self.signalToken) }
        conns = .allocate(capacity: count)
        conns.initialize(repeating: BenchConnection(maxMessageSize: options.maxMessageSize), count: count)
        readBuffer = .allocate(byteCount: 256 << 10, alignment: 64)
        events = .allocate(capacity: maxEvents)
        dirtyList.reserveCapacity(count)
        now = lobby_monotonic_ns()
    }

    deinit {
        for index in 0..<started where conns[index].state.hasSocket { _ = lobby_close(conns[index].fd) }
        for index in 0..<count {
            conns[index].output.release()
            conns[index].carry.release()
        }
        conns.deinitialize(count: count)
        conns.deallocate()
        readBuffer.deallocate()
        events.deallocate()
        if signalFD >= 0 { _ = lobby_close(signalFD) }
        _ = lobby_close(epfd)
    }

    /// Runs the event loop until `deadline` (ns), `done` returns true (checked every turn), or (when
    /// `interruptible`) a signal.
    func run(until deadline: UInt64, interruptible: Bool = true, done: (LoadEngine) -> Bool = { _ in false }) {
        while true {
            now = lobby_monotonic_ns()
            if (interrupted && interruptible) || now >= deadline || done(self) { return }
            var wake = Swift.min(deadline, now &+ 100_000_000)
            housekeeping(&wake)
            flushDirty()
            let ready = EventWait.wait(epfd: epfd, events: events, max: Int32(maxEvents), until: wake)
            now = lobby_monotonic_ns()
            if ready > 0 { dispatch(Int(ready)) }
            flushDirty()
        }
    }

    /// Periodic work before waiting: starting connections, timeouts, due fixed-rate sends, progress lines.
    /// Lowers `wake` to the next time something is due.
    private func housekeeping(_ wake: inout UInt64) {
        if connecting { startDueConnections(&wake) }
        if let onTurn { onTurn(&wake) }
        if now >= nextCheckNs {
            checkConnectTimeouts()
            if phase == .measuring { checkInflightTimeouts() }
            nextCheckNs = now &+ 100_000_000
        }
        if phase == .measuring, let schedule {
            sendDue(schedule)
            if let due = schedule.nextDue, due < wake { wake = due }
        }
        if phase == .measuring, windowEndNs < wake { wake = windowEndNs }
        if options.progress, nextProgressNs > 0 {
            if now >= nextProgressNs { printProgress() }
            if nextProgressNs < wake { wake = nextProgressNs }
        }
    }

    /// Handles `ready` epoll results.
    private func dispatch(_ ready: Int) {
        for slot in 0..<ready {
            let token = events[slot].token
            let bits = events[slot].events
            if token == Self.signalToken {
                _ = lobby_signalfd_read(signalFD)
                interrupted = true
                continue
            }
            // A full batch of reads can take milliseconds: keep fixed-rate sends on schedule in between.
            if slot & 63 == 63 {
                if phase == .measuring, let schedule { sendDue(schedule) }
                if let onTurn {
                    var ignored = UInt64.max
                    onTurn(&ignored)
                }
            }
            let index = Int(token)
            switch conns[index].state {
            case .connecting:
                if bits & (LOBBY_EPOLLOUT | LOBBY_EPOLLERR | LOBBY_EPOLLHUP) != 0 { connected(index) }
            case .handshaking, .open, .closing:
                if bits & LOBBY_EPOLLIN != 0 { readable(index) }
                guard conns[index].state.hasSocket else { continue }
                if bits & LOBBY_EPOLLOUT != 0 { flush(index) }
                if bits & (LOBBY_EPOLLERR | LOBBY_EPOLLHUP) != 0, bits & LOBBY_EPOLLIN == 0,
                    conns[index].state.hasSocket
                {
                    let error = lobby_socket_error(conns[index].fd)
                    failed(index, errno: error == 0 ? ECONNRESET : error)
                }
            case .unused, .done:
                continue
            }
        }
    }

    /// Prints one progress line and schedules the next.
    private func printProgress() {
        let elapsed = Int((Double(now &- progressOriginNs) / 1e9).rounded())
        var line = "lobby-bench: t=\(elapsed)s open=\(openCount) pending=\(pending) failed=\(counters.failed)"
        if phase != .off { line += " sent=\(window.sent) deliveries=\(window.deliveries)" }
        Console.error(line)
        nextProgressNs &+= 1_000_000_000
    }
}
