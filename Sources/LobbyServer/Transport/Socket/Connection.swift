import CLinux
import Glibc
import WebSocketCore

/// One TCP connection, from accept to close: HTTP/1.1 requests, then (after an upgrade) a WebSocket.
///
/// Owned by exactly one loop and touched only on its thread. Memory while idle is this object and nothing else:
/// input is read into the loop's shared buffer and only a partial frame is kept here; output is a list of
/// shared frames referenced, not copied, and flushed once per loop pass.
///
/// Lifecycle: `.http` -> (upgrade) `.open` -> `.closeSent` (we sent close, waiting for the peer's) ->
/// `.draining` (our side is done and shut down for writing; reading and discarding until EOF) -> `.closed`.
/// Any state may jump to `.closed` on EOF, a socket error, a timeout or shutdown.
final class Connection {
    /// Where a connection is in its life.
    enum State: UInt8 {
        /// Reading HTTP requests (before an upgrade, or a keep-alive plain HTTP connection).
        case http
        /// WebSocket open: messages flow both ways.
        case open
        /// We sent a close frame and wait for the peer's; data messages are discarded.
        case closeSent
        /// Nothing more to send once the queue flushes; input is discarded until EOF or the deadline.
        case draining
        /// Torn down (or about to be, at the end of the pass).
        case closed
    }

    unowned(unsafe) let loop: EventLoop
    let fd: Int32
    let token: UInt64
    /// Slot in the loop's table; -1 once torn down.
    var slot: Int
    /// The peer's IP address as text.
    let peer: String
    var state: State = .http

    /// Unconsumed input: an unfinished HTTP head or a partial frame header.
    var inbound = ByteQueue()
    /// HTTP request state; nil after an upgrade.
    var http: HTTPExchange?
    /// WebSocket frame reader (set at upgrade).
    var reader = MessageReader(role: .server, maxMessageSize: 0)
    /// The endpoint's handler after an upgrade.
    var handler: WebSocketHandler?
    /// Application state attached by the handler (e.g. a room membership, later a session).
    var context: AnyObject?
    /// Send-buffer limit for this connection.
    var highWater = 0
    /// Set once the handler has been told the connection opened, so it is told about the close exactly once.
    var handlerOpen = false
    /// The code reported to the handler on close.
    var closeCode = CloseCode.abnormalClosure
    /// permessage-deflate: 0 when not negotiated, else the server window bits we compress with (Connection+Deflate).
    var deflateWindowBits: UInt8 = 0

    /// Frames waiting for the socket; `outHead` is the first unsent one, `outOffset` bytes of it are already sent.
    var out: [SharedFrame] = []
    var outHead = 0
    var outOffset = 0
    /// Bytes queued and not yet written (plaintext for TLS).
    var outBytes = 0
    /// Index in `out` of the queued game-state snapshot no byte of which has been written yet, the one a newer
    /// snapshot replaces; -1 when there is none (Connection+SlowReader.swift).
    var pendingSnapshot = -1
    /// Size of that snapshot: left out of the high-water sum, since it is replaced rather than accumulated.
    var pendingSnapshotBytes = 0
    /// True while that snapshot is still the uncompressed frame and permessage-deflate was negotiated: it is
    /// swapped for its compressed twin just before it is written, so a snapshot replaced unsent is never compressed.
    var pendingSnapshotDeflate = false
    /// When the socket last took bytes, or when output started waiting for it (the send-stall timer).
    var lastProgressAt: UInt64 = 0
    /// The kernel's send queue (unsent + unacknowledged bytes) at the last sweep while output waits; -1 until the
    /// first sample of a wait.
    var kernelQueued = -1
    /// True while the connection is in the loop's dirty list.
    var isDirty = false
    /// True while EPOLLOUT is registered.
    var wantsWritable = false
    /// After the queue empties: shut down the write side and drain.
    var shutdownAfterFlush = false
    /// True once we stop sending anything new (slow reader closed, or failed).
    var sendClosed = false
    /// True when a close we started was answered: the TCP connection can be closed as soon as ours is flushed.
    var closeHandshakeDone = false

    /// TLS state when the server speaks TLS.
    var tls: TLSSession?
    /// Ciphertext waiting for the socket (TLS only).
    var cipherOut = ByteQueue()

    /// Deadline (monotonic ns) for the current state's timeout; 0 for none.
    var deadline: UInt64 = 0
    /// When a frame was last read (WebSocket ping and idle timers).
    var lastReadAt: UInt64 = 0
    /// When our last unanswered ping went out; 0 if none.
    var pingSentAt: UInt64 = 0
    /// True between keep-alive requests (the deadline is the keep-alive timeout, not the request timeout).
    var isKeepAliveWait = false

    init(loop: EventLoop, fd: Int32, token: UInt64, slot: Int, peer: String) {
        self.loop = loop
        self.fd = fd
        self.token = token
        self.slot = slot
        self.peer = peer
    }

    /// Whether the connection has not been torn down.
    @inline(__always) var isAlive: Bool { state != .closed }

    /// Called once, right after accept.
    func didAccept() {
        let config = loop.server.config
        http = HTTPExchange(maxHeaderBytes: config.maxHeaderSize)
        deadline = loop.now + MonotonicClock.ns(ms: config.requestTimeoutMs)
        if let context = loop.server.tls {
            do {
                tls = try TLSSession(context: context)
            } catch {
                Log.error("TLS session setup failed", ["peer": peer, "error": error])
                abort()
            }
        }
    }

    // MARK: Reading

    /// The socket is readable (or hung up): read once, then process.
    func handleReadable() {
        if tls != nil {
            readTLS()
            return
        }
        if inbound.isEmpty {
            let n = lobby_read(fd, loop.readBuffer.baseAddress, loop.readBuffer.count)
            guard n > 0 else { return readFailed(n) }
            process(UnsafeMutableRawBufferPointer(rebasing: loop.readBuffer[0..<n]))
        } else {
            let region = inbound.reserveWritable(16 * 1024)
            let n = lobby_read(fd, region.baseAddress, region.count)
            guard n > 0 else { return readFailed(n) }
            inbound.didWrite(n)
            processInbound()
        }
    }

    /// Handles bytes that arrived (plaintext): parse them directly where they are, keep only the remainder.
    func process(_ bytes: UnsafeMutableRawBufferPointer) {
        switch state {
        case .open, .closeSent:
            let consumed = processWebSocket(bytes)
            if consumed < bytes.count && isAlive && (state == .open || state == .closeSent) {
                inbound.append(UnsafeRawBufferPointer(rebasing: bytes[consumed...]))
            }
        case .http:
            inbound.append(UnsafeRawBufferPointer(bytes))
            processHTTP()
        case .draining, .closed:
            break
        }
    }

    /// Processes what is buffered in `inbound`.
    func processInbound() {
        switch state {
        case .open, .closeSent:
            let consumed = processWebSocket(inbound.readable)
            if isAlive { inbound.consume(consumed) }
            if inbound.isEmpty { inbound.release() }
        case .http:
            processHTTP()
        case .draining:
            inbound.release()
        case .closed:
            break
        }
    }

    func readFailed(_ n: Int) {
        if n == 0 {
            peerClosed()
            return
        }
        let err = lobby_errno()
        if err == EAGAIN || err == EWOULDBLOCK || err == EINTR { return }
        if state == .open || state == .closeSent { closeCode = .abnormalClosure }
        Log.debug("read failed", ["peer": peer, "errno": err])
        doom()
    }

    /// EOF from the peer.
    func peerClosed() {
        if state == .open { closeCode = .abnormalClosure }
        doom()
    }

    // MARK: Writing

    /// Queues a frame (or any prepared bytes) for the end-of-pass flush. Over the high-water mark the connection
    /// is a slow reader: it is closed with 1008 instead of buffering without bound.
    func send(_ frame: SharedFrame) {
        guard !sendClosed, isAlive else { return }
        out.append(frame)
        outBytes += frame.count
        if !isDirty {
            isDirty = true
            loop.markDirty(self)
        }
        // A pending snapshot does not count: it is replaced, never accumulated (Connection+SlowReader.swift).
        let queued = outBytes - pendingSnapshotBytes + cipherOut.count + (tls?.pendingCiphertext ?? 0)
        if highWater > 0 && queued > highWater {
            overflowed()
        }
    }

    /// The socket became writable again: continue flushing.
    func handleWritable() { flush() }

    /// Writes as much of the queue as the kernel takes, with one `writev` per call.
    func flush() {
        if pendingSnapshotDeflate { deflatePendingSnapshot() }
        if tls != nil {
            flushTLS()
            return
        }
        while outHead < out.count {
            let iov = loop.iovecs
            var count = 0
            var index = outHead
            while index < out.count && count < loop.iovecCapacity {
                let frame = out[index]
                let skip = index == outHead ? outOffset : 0
                iov[count] = iovec(iov_base: UnsafeMutableRawPointer(mutating: frame.baseAddress + skip),
                                   iov_len: frame.count - skip)
                count += 1
                index += 1
            }
            let n = lobby_writev(fd, iov, Int32(count))
            if n < 0 {
                let err = lobby_errno()
                if err == EAGAIN || err == EWOULDBLOCK { break }
                Log.debug("write failed", ["peer": peer, "errno": err])
                doom()
                return
            }
            advance(by: n)
            lastProgressAt = loop.now
        }
        afterFlush(drained: outHead == out.count)
    }

    /// Drops `n` written bytes from the front of the queue.
    private func advance(by written: Int) {
        var n = written
        outBytes -= n
        while n > 0 {
            let remaining = out[outHead].count - outOffset
            if n >= remaining {
                n -= remaining
                outHead += 1
                outOffset = 0
            } else {
                outOffset += n
                n = 0
            }
        }
    }

    /// Keeps EPOLLOUT registered exactly while output is pending, and runs the post-flush actions.
    func afterFlush(drained: Bool) {
        guard isAlive else { return }
        if drained {
            if out.count <= 16 {
                out.removeAll(keepingCapacity: true)
            } else {
                out = []
            }
            outHead = 0
            outOffset = 0
            forgetPendingSnapshot()
            if wantsWritable {
                wantsWritable = false
                loop.setInterest(self, writable: false)
            }
            if shutdownAfterFlush {
                shutdownAfterFlush = false
                startDraining()
            }
        } else {
            if pendingSnapshot >= 0 { settlePendingSnapshot() }
            if outHead > 64 && outHead * 2 > out.count {
                out.removeFirst(outHead)
                if pendingSnapshot >= 0 { pendingSnapshot -= outHead }
                outHead = 0
            }
            if !wantsWritable {
                // Output starts waiting for the socket: the send-stall timer starts now.
                wantsWritable = true
                lastProgressAt = loop.now
                kernelQueued = -1
                loop.setInterest(self, writable: true)
            }
        }
    }

    /// The high-water policy: the queue passed SEND_HIGH_WATER.
    private func overflowed() {
        loop.server.stats.backpressureCloses.add(1)
        Log.info("slow reader closed", ["peer": peer, "queued": outBytes, "highWater": highWater])
        closeSlowReader(reason: "send buffer full: reading too slowly")
    }

    /// Shuts the write side (FIN after queued data) and discards input until the peer closes or the deadline.
    /// Closing this way instead of close(2) with unread input avoids an RST that could destroy our close frame.
    func startDraining() {
        guard isAlive else { return }
        state = .draining
        sendClosed = true
        inbound.release()
        if tls != nil {
            tls?.shutdown()
            flushTLS()
        }
        _ = lobby_shutdown_write(fd)
        deadline = loop.now + MonotonicClock.ns(ms: loop.server.config.closeTimeoutMs)
        if closeHandshakeDone { doom() }
    }

    // MARK: Teardown

    /// Marks the connection closed; the loop tears it down at the end of the pass.
    func doom() {
        guard state != .closed else { return }
        state = .closed
        loop.markDoomed(self)
    }

    /// Drops the connection at once with an RST (shutdown timeout).
    func abort() {
        guard state != .closed else { return }
        out.removeAll()
        outBytes = 0
        forgetPendingSnapshot()
        doom()
    }

    /// Releases everything (called by the loop, once).
    func teardown() {
        if handlerOpen {
            handlerOpen = false
            loop.server.stats.webSocketsOpen.add(-1)
            handler?.webSocketDidClose(self, code: closeCode)
        }
        _ = lobby_close(fd)
        slot = -1
        state = .closed
        inbound.release()
        cipherOut.release()
        reader.reset()
        out = []
        http = nil
        handler = nil
        context = nil
        tls = nil
    }

    // MARK: Timers

    /// Called by the loop's sweep: request/keep-alive/close deadlines, the send-stall timer, WebSocket pings and
    /// idle timeout.
    func checkTimers(now: UInt64) {
        if deadline != 0 && now >= deadline {
            deadline = 0
            loop.server.stats.timeouts.add(1)
            switch state {
            case .http:
                Log.debug("HTTP timeout", ["peer": peer])
            case .closeSent, .draining:
                Log.debug("close handshake timeout", ["peer": peer])
            case .open, .closed:
                break
            }
            doom()
            return
        }
        if state == .http && loop.isShuttingDown && inbound.isEmpty && http?.pendingHead == nil && out.count == outHead {
            doom()   // an idle keep-alive connection does not hold up shutdown
            return
        }
        guard state == .open else { return }
        if wantsWritable && closeIfSendStalled(now: now) { return }
        let config = loop.server.config
        let silent = now &- lastReadAt
        if silent >= MonotonicClock.ns(ms: config.idleTimeoutMs) {
            loop.server.stats.timeouts.add(1)
            close(.goingAway, reason: "idle timeout")
        } else if silent >= MonotonicClock.ns(ms: config.pingIntervalMs) && pingSentAt <= lastReadAt {
            pingSentAt = now
            send(.webSocket(.ping, payload: UnsafeRawBufferPointer(start: nil, count: 0)))
        }
    }

    /// Graceful shutdown of this connection: WebSockets get close 1001; idle HTTP connections are closed;
    /// an HTTP request in progress finishes and then closes.
    func shutdownGracefully() {
        switch state {
        case .open:
            close(.goingAway, reason: "server shutting down")
        case .http:
            if inbound.isEmpty && http?.pendingHead == nil && out.count == outHead { doom() }
        case .closeSent, .draining, .closed:
            break
        }
    }
}
