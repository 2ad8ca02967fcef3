import CLinux
import Glibc
import WebSocketCore

/// Opening connections: TCP connect, the upgrade request, the 101 response (RFC 6455 4.1), timeouts.
extension LoadEngine {
    /// Opens every connection (honouring the ramp and `maxPending`) and returns when each has opened or failed,
    /// or on a signal. Returns the seconds it took.
    @discardableResult
    func connectAll() -> Double {
        connecting = true
        connectStartNs = lobby_monotonic_ns()
        progressOriginNs = connectStartNs
        nextProgressNs = options.progress ? connectStartNs &+ 1_000_000_000 : 0
        let connectBudget =
            UInt64(Double(count) / Swift.max(options.ramp, 1) * 1e9)
            + UInt64(options.connectTimeoutMs) * 3_000_000 + 5_000_000_000
        run(until: connectStartNs &+ connectBudget) { engine in engine.started == engine.count && engine.pending == 0 }
        connecting = false
        nextProgressNs = 0
        return Double(lobby_monotonic_ns() &- connectStartNs) / 1e9
    }

    /// Starts connections whose turn has come.
    func startDueConnections(_ wake: inout UInt64) {
        while started < count && pending < options.maxPending {
            if options.ramp > 0 {
                let due = connectStartNs &+ UInt64(Double(started) * 1e9 / options.ramp)
                if due > now {
                    if due < wake { wake = due }
                    return
                }
            }
            startConnection(started)
            started += 1
        }
    }

    /// Creates the socket and starts a non-blocking connect.
    private func startConnection(_ index: Int) {
        conns[index].startedNs = now
        let source = options.sourceIPs.isEmpty ? nil : options.sourceIPs[index % options.sourceIPs.count]
        let fd: Int32 =
            if let source {
                lobby_connect_tcp(options.target.host, Int32(options.target.port), source)
            } else {
                lobby_connect_tcp(options.target.host, Int32(options.target.port), nil)
            }
        guard fd >= 0 else {
            counters.failConnect += 1
            conns[index].state = .done
            return
        }
        conns[index].fd = fd
        conns[index].state = .connecting
        conns[index].watchingWritable = true
        pending += 1
        if lobby_epoll_add(epfd, fd, LOBBY_EPOLLIN | LOBBY_EPOLLOUT, UInt64(index)) != 0 {
            failed(index, errno: lobby_errno())
        }
    }

    /// The TCP connect finished: on success, queue the upgrade request.
    func connected(_ index: Int) {
        let error = lobby_socket_error(conns[index].fd)
        guard error == 0 else {
            failed(index, errno: error)
            return
        }
        let key = WebSocketHandshake.makeKey()
        let room = String(index % options.rooms)
        let path =
            options.connectionPaths.isEmpty
            ? options.target.path(connection: index, room: room) : options.connectionPaths[index]
        let request = WebSocketHandshake.clientRequest(host: options.target.hostHeader, path: path, key: key)
        handshakes[index] = PendingHandshake(key: key)
        conns[index].state = .handshaking
        request.withUnsafeBytes { conns[index].output.append($0) }
        markDirty(index)
    }

    /// Parses the 101 response from `data`. Returns the bytes it used (frames may follow in the same read),
    /// 0 if the head is incomplete, or -1 if the handshake failed (the connection is finished).
    func readHandshake(_ index: Int, _ data: UnsafeRawBufferPointer) -> Int {
        guard var handshake = handshakes[index] else { return -1 }
        let result = handshake.parser.parse(data)
        switch result {
        case .needMoreData:
            handshakes[index] = handshake
            return 0
        case .failure:
            counters.failHandshake += 1
            finish(index)
            return -1
        case .head(let head, let headerLength):
            handshakes[index] = nil
            // RFC 6455 4.1: we offered no extension or subprotocol, so the server must not select one.
            let unrequested =
                !(head.headers["Sec-WebSocket-Extensions"] ?? "").isEmpty
                || !(head.headers["Sec-WebSocket-Protocol"] ?? "").isEmpty
            guard WebSocketHandshake.validateResponse(head, key: handshake.key), !unrequested else {
                counters.failHandshake += 1
                finish(index)
                return -1
            }
            conns[index].state = .open
            pending -= 1
            openCount += 1
            counters.opened += 1
            if conns[index].carry.capacity > 4096 { conns[index].carry.release() }
            return headerLength
        }
    }

    /// Fails connections whose connect + handshake is taking too long.
    func checkConnectTimeouts() {
        guard pending > 0 else { return }
        let limit = UInt64(options.connectTimeoutMs) * 1_000_000
        for index in 0..<started where conns[index].state.isPending && now &- conns[index].startedNs > limit {
            counters.failTimeout += 1
            finish(index)
        }
    }

    /// Counts a socket error by the phase it happened in and finishes the connection.
    func failed(_ index: Int, errno error: Int32) {
        switch conns[index].state {
        case .connecting: counters.failConnect += 1
        case .handshaking: counters.failHandshake += 1
        default:
            if error == ECONNRESET || error == EPIPE { counters.errorReset += 1 } else { counters.errorOther += 1 }
        }
        finish(index)
    }

    /// Closes the socket, frees the buffers and updates the open/pending figures.
    func finish(_ index: Int) {
        let state = conns[index].state
        guard state.hasSocket else { return }
        if state.isPending { pending -= 1 }
        if state.isOpen { openCount -= 1 }
        _ = lobby_close(conns[index].fd)
        conns[index].fd = -1
        conns[index].state = .done
        conns[index].output.release()
        conns[index].carry.release()
        conns[index].reader.reset()
        handshakes[index] = nil
        if index < senders { book?.clear(index) }
    }
}
