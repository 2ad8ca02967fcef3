import CLinux

/// Measurement windows: closed-loop and fixed-rate senders, the drain after a window, pauses between windows.
extension LoadEngine {
    /// Uses these texts for senders `0..<templates.count` from now on.
    func setTemplates(_ templates: MessageTemplates) { self.templates = templates }

    /// Runs one window: the first `senders` connections send in `mode` for `seconds`; then, for up to `drainMs`,
    /// deliveries of the window's markers are still recorded (as drain) until the connections go quiet.
    func measure(_ mode: TrafficMode, senders requested: Int, seconds: Double, drainMs: Int) -> WindowResult {
        self.mode = mode
        senders = Swift.min(requested, count, templates?.count ?? 0)
        window = WindowCounters()
        histogram.reset()
        now = lobby_monotonic_ns()
        let resources = ResourceWindow(server: server)
        windowStartNs = now
        windowEndNs = now &+ UInt64(seconds * 1e9)
        lastDeliveryNs = 0
        progressOriginNs = now
        nextProgressNs = options.progress ? now &+ 1_000_000_000 : 0
        phase = .measuring
        let active = startSenders(mode)
        flushDirty()
        run(until: windowEndNs)
        let figures = resources.finish()
        let measuredNs = Swift.min(now, windowEndNs) &- windowStartNs
        phase = .draining
        schedule?.removeAll()
        nextProgressNs = 0
        drain(milliseconds: drainMs, closedLoop: book != nil)
        phase = .off
        return WindowResult(
            counters: window, latency: histogram.summary, seconds: Double(measuredNs) / 1e9,
            drainMs: lastDeliveryNs > windowEndNs ? Double(lastDeliveryNs - windowEndNs) / 1e6 : 0,
            activeSenders: active, resources: figures)
    }

    /// Starts the senders of a window; returns how many are open.
    private func startSenders(_ mode: TrafficMode) -> Int {
        let open = (0..<senders).filter { conns[$0].state == .open }
        switch mode {
        case .closedLoop(let inflight):
            schedule = nil
            if book?.inflight != inflight { book = ClosedLoopBook(senders: Swift.max(senders, 1), inflight: inflight) }
            book?.clear()
            for index in open {
                for _ in 0..<inflight { sendMessage(index) }
            }
        case .fixedRate(let perSecond):
            book = nil
            periodNs = 1e9 / perSecond
            if schedule == nil { schedule = SenderHeap(capacity: Swift.max(count, 1)) }
            schedule?.removeAll()
            // Phases spread evenly over one period, so the senders do not all fire at once.
            for (rank, index) in open.enumerated() {
                let offset = periodNs * Double(rank) / Double(open.count)
                schedule?.push(index, at: windowStartNs &+ UInt64(offset))
            }
        }
        return open.count
    }

    /// Sends every fixed-rate message that is due (and due inside the window), each sender on its own schedule.
    /// A sender more than 1 s behind restarts its schedule from now (counted), so a stalled loop does not fire a
    /// burst.
    func sendDue(_ schedule: SenderHeap) {
        let current = lobby_monotonic_ns()
        let period = UInt64(periodNs.rounded())
        var budget = 100_000
        while let due = schedule.nextDue, due <= current, due < windowEndNs, budget > 0 {
            budget -= 1
            let index = schedule.pop()
            guard conns[index].state == .open else { continue }
            let lag = current &- due
            if lag > window.sendLagMaxNs { window.sendLagMaxNs = lag }
            if lag > 1_000_000 { window.sendsLate1ms += 1 }
            sendMessage(index)
            var next = due &+ period
            if next &+ 1_000_000_000 < current {
                next = current &+ period
                window.scheduleResets += 1
            }
            schedule.push(index, at: next)
        }
    }

    /// Closed loop: gives up on messages unanswered for longer than the in-flight timeout and sends new ones.
    func checkInflightTimeouts() {
        guard let book else { return }
        let limit = UInt64(options.inflightTimeoutMs) * 1_000_000
        guard now > limit else { return }
        for index in 0..<senders where conns[index].state == .open && book.outstanding(index) > 0 {
            let expired = book.expire(index, sentBefore: now - limit)
            window.inflightTimeouts += expired
            for _ in 0..<expired { sendMessage(index) }
        }
    }

    /// Waits for the window's last deliveries: until `milliseconds` pass or nothing has arrived for a moment
    /// (closed loop: and nothing is unanswered).
    private func drain(milliseconds: Int, closedLoop: Bool) {
        run(until: now &+ UInt64(milliseconds) * 1_000_000) { engine in
            let last = Swift.max(engine.lastDeliveryNs, engine.windowEndNs)
            let silent = engine.now &- Swift.max(last, engine.lastReceiveNs)
            if closedLoop { return (engine.book?.totalOutstanding ?? 0) == 0 && silent > 100_000_000 }
            return silent > 250_000_000
        }
    }

    /// Keeps the connections serviced (pings answered, backlog read) for `milliseconds`.
    func idle(milliseconds: Int) {
        run(until: lobby_monotonic_ns() &+ UInt64(milliseconds) * 1_000_000)
    }

    /// Waits at least `minimumMs`, then until nothing has been received for `quietMs`, at most `maximumMs`
    /// (between broadcast steps, so a saturated step's backlog does not spill into the next). Returns the ms waited.
    func settle(minimumMs: Int, quietMs: Int, maximumMs: Int) -> Double {
        let start = lobby_monotonic_ns()
        let earliest = start &+ UInt64(minimumMs) * 1_000_000
        let quiet = UInt64(quietMs) * 1_000_000
        run(until: start &+ UInt64(maximumMs) * 1_000_000) { engine in
            engine.now >= earliest && engine.now &- engine.lastReceiveNs >= quiet
        }
        return Double(lobby_monotonic_ns() &- start) / 1e6
    }

    /// Sends close 1000 on every open connection and waits up to `timeoutMs` for the server's close replies;
    /// connections still connecting count as timed out. Runs even after a signal (it is bounded).
    func closeAll(timeoutMs: Int) {
        connecting = false
        phase = .off
        for index in 0..<started {
            switch conns[index].state {
            case .open:
                startClose(index)
            case .connecting, .handshaking:
                counters.failTimeout += 1
                finish(index)
            case .closing, .unused, .done:
                continue
            }
        }
        flushDirty()
        run(until: lobby_monotonic_ns() &+ UInt64(timeoutMs) * 1_000_000, interruptible: false) { engine in
            engine.openCount == 0
        }
        for index in 0..<started where conns[index].state.hasSocket {
            if conns[index].state == .closing { counters.closeTimeouts += 1 }
            finish(index)
        }
    }

    /// Queues close 1000 on an open connection (RFC 6455 5.5.1); the server's close reply finishes it.
    func startClose(_ index: Int) {
        guard conns[index].state == .open else { return }
        CloseCodeBytes.normalClosure.withUnsafeBytes { queueFrame(index, .close, $0) }
        conns[index].state = .closing
    }
}

/// Close frame bodies we send.
enum CloseCodeBytes {
    /// 1000, big-endian (RFC 6455 7.4.1).
    static let normalClosure: [UInt8] = [0x03, 0xE8]
}
