import CLinux
import Foundation

/// One thread, one epoll set, the connections it accepted, and everything they own.
///
/// Level-triggered epoll: a readable socket is read once per wake (at most one read buffer), so one busy peer
/// cannot starve the others, and a socket we did not fully drain is reported again. EPOLLOUT is registered only
/// while a connection has bytes the kernel would not take. A pass is: wait, handle reports (reads, accepts,
/// inbox tasks), run due timers and the periodic sweep, then flush every connection that queued output during
/// the pass with one `writev` each ("cork per pass"), then tear down connections that finished.
///
/// Everything here is confined to the loop's thread except `inbox` (any thread may `execute`) and `stats`.
final class EventLoop: @unchecked Sendable {
    /// Position in the loop group (used in logs and thread names).
    let index: Int
    /// Shared, read-only server context.
    let server: ServerContext
    let epfd: Int32
    private let inbox: Inbox

    /// Monotonic time of the current pass, in nanoseconds.
    private(set) var now: UInt64 = MonotonicClock.now()
    /// Scratch read buffer shared by every connection of this loop (no per-connection input buffers while idle).
    let readBuffer: UnsafeMutableRawBufferPointer
    /// Scratch buffer for TLS plaintext.
    let plainBuffer: UnsafeMutableRawBufferPointer
    /// Scratch iovec array for `writev`.
    let iovecs: UnsafeMutablePointer<iovec>
    let iovecCapacity: Int
    /// permessage-deflate codec shared by this loop's connections (see Connection+Deflate.swift).
    let deflate = LoopDeflate()

    /// Connection table: slot -> connection; the epoll token carries slot and generation.
    private var slots: [Connection?] = []
    private var generations: [UInt32] = []
    private var freeSlots: [Int32] = []
    private(set) var liveConnections = 0
    /// Connections that queued output this pass.
    private var dirty: [Connection] = []
    /// Connections to tear down at the end of the pass.
    private var doomed: [Connection] = []
    /// One-shot timers (rare: shutdown deadline, accept back-off), kept sorted by deadline.
    private var timers: [(deadline: UInt64, task: () -> Void)] = []
    private var nextSweep: UInt64 = 0
    private let sweepInterval = MonotonicClock.ns(ms: 100)

    private var listener: Listener?
    /// WebSocket handlers of this loop, by route path (each loop owns its own; no sharing across threads).
    private(set) var webSocketHandlers: [String: WebSocketHandler] = [:]
    private(set) var isShuttingDown = false
    private var shutdownDeadline: UInt64 = 0
    private var finished = false
    private var events: UnsafeMutablePointer<lobby_epoll_event>
    private let maxEvents = 512

    static let wakeToken: UInt64 = 1 << 63
    static let listenerToken: UInt64 = (1 << 63) | 1

    init(index: Int, server: ServerContext) throws {
        self.index = index
        self.server = server
        let fd = lobby_epoll_create()
        guard fd >= 0 else { throw SyscallError("epoll_create1", errno: lobby_errno()) }
        epfd = fd
        inbox = try Inbox()
        readBuffer = .allocate(byteCount: 256 * 1024, alignment: 16)
        plainBuffer = .allocate(byteCount: 64 * 1024, alignment: 16)
        iovecCapacity = min(1024, lobby_max_iov())
        iovecs = .allocate(capacity: iovecCapacity)
        events = .allocate(capacity: maxEvents)
        guard lobby_epoll_add(epfd, inbox.wakeFD, LOBBY_EPOLLIN, EventLoop.wakeToken) == 0 else {
            throw SyscallError("epoll_ctl(eventfd)", errno: lobby_errno())
        }
        for route in server.routes.webSocket.values {
            webSocketHandlers[route.path] = route.makeHandler(self)
        }
    }

    deinit {
        readBuffer.deallocate()
        plainBuffer.deallocate()
        iovecs.deallocate()
        events.deallocate()
        _ = lobby_close(epfd)
    }

    // MARK: Cross-thread entry

    /// Runs `task` on this loop's thread, from any thread.
    func execute(_ task: @escaping @Sendable () -> Void) { inbox.post(task) }

    /// Starts accepting on `listener` (called before `run`, or on the loop).
    func attach(_ listener: Listener) throws {
        self.listener = listener
        guard lobby_epoll_add(epfd, listener.fd, LOBBY_EPOLLIN, EventLoop.listenerToken) == 0 else {
            throw SyscallError("epoll_ctl(listener)", errno: lobby_errno())
        }
    }

    // MARK: The loop

    /// Runs passes until shutdown completes. Call on the loop's own thread.
    func run() {
        lobby_set_thread_name("lobby-loop-\(index)")
        nextSweep = now + sweepInterval
        while !finished {
            let n = lobby_epoll_wait(epfd, events, Int32(maxEvents), waitTimeoutMs())
            now = MonotonicClock.now()
            if n < 0 {
                Log.error("epoll_wait failed", ["loop": index, "errno": lobby_errno()])
                continue
            }
            for i in 0..<Int(n) {
                dispatch(token: events[i].token, events: events[i].events)
            }
            runDueTimers()
            if now >= nextSweep {
                sweep()
                nextSweep = now + sweepInterval
            }
            flushDirty()
            reapDoomed()
            if isShuttingDown && (liveConnections == 0 || now >= shutdownDeadline) {
                finishShutdown()
            }
        }
    }

    private func waitTimeoutMs() -> Int32 {
        if !dirty.isEmpty || !doomed.isEmpty { return 0 }
        var deadline = nextSweep
        if let first = timers.first { deadline = min(deadline, first.deadline) }
        let current = MonotonicClock.now()
        if deadline <= current { return 0 }
        return Int32(min((deadline - current) / 1_000_000 + 1, 1000))
    }

    private func dispatch(token: UInt64, events mask: UInt32) {
        if token == EventLoop.wakeToken {
            for task in inbox.drain() { task() }
            return
        }
        if token == EventLoop.listenerToken {
            acceptConnections()
            return
        }
        let slot = Int(token & 0xFFFF_FFFF)
        let generation = UInt32(token >> 32)
        guard slot < slots.count, generations[slot] == generation, let connection = slots[slot] else { return }
        if mask & (LOBBY_EPOLLIN | LOBBY_EPOLLHUP | LOBBY_EPOLLERR) != 0 {
            connection.handleReadable()
        }
        if mask & LOBBY_EPOLLOUT != 0 && connection.isAlive {
            connection.handleWritable()
        }
    }

    // MARK: Connections

    private func acceptConnections() {
        guard let listener, !isShuttingDown else { return }
        var ipBuffer = [CChar](repeating: 0, count: 64)
        for _ in 0..<256 {
            let fd = ipBuffer.withUnsafeMutableBufferPointer { lobby_accept(listener.fd, $0.baseAddress, 64) }
            if fd < 0 {
                let err = lobby_errno()
                if err == EAGAIN || err == EWOULDBLOCK || err == EINTR || err == ECONNABORTED { return }
                if err == EMFILE || err == ENFILE || err == ENOBUFS || err == ENOMEM {
                    server.stats.acceptFailures.add(1)
                    Log.warning("accept failed: out of resources; pausing accepts for 100 ms",
                                ["loop": index, "errno": err])
                    pauseAccepting(forMs: 100)
                }
                return
            }
            let limit = server.config.maxConnections
            if limit > 0 && server.stats.connectionsOpen.load() >= limit {
                server.stats.connectionsRefused.add(1)
                _ = lobby_abort(fd)
                continue
            }
            let ip = ipBuffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
            register(fd: fd, peer: ip)
        }
    }

    private func pauseAccepting(forMs ms: Int) {
        guard let listener else { return }
        _ = lobby_epoll_del(epfd, listener.fd)
        schedule(afterMs: ms) { [weak self] in
            guard let self, !self.isShuttingDown, let listener = self.listener else { return }
            _ = lobby_epoll_add(self.epfd, listener.fd, LOBBY_EPOLLIN, EventLoop.listenerToken)
        }
    }

    private func register(fd: Int32, peer: String) {
        let slot: Int
        if let free = freeSlots.popLast() {
            slot = Int(free)
        } else {
            slot = slots.count
            slots.append(nil)
            generations.append(0)
        }
        generations[slot] &+= 1
        let token = UInt64(slot) | (UInt64(generations[slot]) << 32)
        let connection = Connection(loop: self, fd: fd, token: token, slot: slot, peer: peer)
        guard lobby_epoll_add(epfd, fd, LOBBY_EPOLLIN | LOBBY_EPOLLRDHUP, token) == 0 else {
            Log.error("epoll_ctl add failed", ["errno": lobby_errno()])
            _ = lobby_close(fd)
            freeSlots.append(Int32(slot))
            return
        }
        slots[slot] = connection
        liveConnections += 1
        server.stats.connectionsOpen.add(1)
        server.stats.connectionsAccepted.add(1)
        connection.didAccept()
    }

    /// The live connection a token names, if it is still open (loop thread only). Tokens carry a generation, so
    /// a token of a closed connection never finds the next connection in the same slot.
    func connection(token: UInt64) -> Connection? {
        let slot = Int(token & 0xFFFF_FFFF)
        guard slot < slots.count, generations[slot] == UInt32(token >> 32), let connection = slots[slot],
              connection.isAlive else { return nil }
        return connection
    }

    /// Changes which readiness events a connection's fd reports.
    func setInterest(_ connection: Connection, writable: Bool) {
        var mask = LOBBY_EPOLLIN | LOBBY_EPOLLRDHUP
        if writable { mask |= LOBBY_EPOLLOUT }
        _ = lobby_epoll_mod(epfd, connection.fd, mask, connection.token)
    }

    /// Queues a connection for the end-of-pass flush (at most once per pass).
    @inline(__always) func markDirty(_ connection: Connection) {
        dirty.append(connection)
    }

    /// Queues a connection for teardown at the end of the pass (so no teardown happens under a caller's feet).
    func markDoomed(_ connection: Connection) {
        doomed.append(connection)
    }

    private func flushDirty() {
        guard !dirty.isEmpty else { return }
        let batch = dirty
        dirty.removeAll(keepingCapacity: true)
        for connection in batch {
            connection.isDirty = false
            if connection.isAlive { connection.flush() }
        }
    }

    private func reapDoomed() {
        while !doomed.isEmpty {
            let batch = doomed
            doomed.removeAll(keepingCapacity: true)
            for connection in batch where connection.slot >= 0 {
                let slot = connection.slot
                connection.teardown()
                slots[slot] = nil
                freeSlots.append(Int32(slot))
                liveConnections -= 1
                server.stats.connectionsOpen.add(-1)
            }
        }
    }

    // MARK: Timers

    /// Runs `task` on this loop after `ms` milliseconds (loop thread only; for rare events).
    func schedule(afterMs ms: Int, _ task: @escaping () -> Void) {
        let deadline = MonotonicClock.now() + MonotonicClock.ns(ms: ms)
        let index = timers.firstIndex { $0.deadline > deadline } ?? timers.count
        timers.insert((deadline, task), at: index)
    }

    private func runDueTimers() {
        while let first = timers.first, first.deadline <= now {
            timers.removeFirst()
            first.task()
        }
    }

    /// Checks every connection's deadlines (request, keep-alive, close handshake, ping, idle).
    private func sweep() {
        for case let connection? in slots where connection.isAlive {
            connection.checkTimers(now: now)
        }
    }

    /// Calls `body` for every live connection (loop thread only).
    func forEachConnection(_ body: (Connection) -> Void) {
        for case let connection? in slots where connection.isAlive { body(connection) }
    }

    // MARK: Shutdown

    /// Stops accepting, closes every WebSocket with 1001 and idle HTTP connections, then lets the loop finish
    /// once every connection is gone or `SHUTDOWN_TIMEOUT_MS` has passed. Loop thread only.
    func beginShutdown() {
        guard !isShuttingDown else { return }
        isShuttingDown = true
        shutdownDeadline = now + MonotonicClock.ns(ms: server.config.shutdownTimeoutMs)
        if let listener {
            _ = lobby_epoll_del(epfd, listener.fd)
            listener.close()
            self.listener = nil
        }
        forEachConnection { $0.shutdownGracefully() }
    }

    private func finishShutdown() {
        if liveConnections > 0 {
            Log.warning("shutdown timeout: dropping connections", ["loop": index, "connections": liveConnections])
            forEachConnection { $0.abort() }
            reapDoomed()
        }
        finished = true
    }
}
