import CLinux
import Glibc
import WebSocketCore

/// Reading: the shared read buffer, frame events, markers and deliveries.
extension LoadEngine {
    /// Reads what the socket has (up to 4 buffers' worth per turn, to stay fair to other connections) and handles
    /// every complete event. Unparsed bytes (a partial header or control frame, at most 139 bytes once open; the
    /// partial 101 before) are kept in the connection's carry buffer and put in front of the next read.
    func readable(_ index: Int) {
        let base = readBuffer.baseAddress.unsafelyUnwrapped
        for _ in 0..<4 {
            let carried = conns[index].carry.count
            if carried > 0 {
                if carried > readBuffer.count / 2 {
                    counters.failHandshake += 1  // only a runaway handshake response can get this long
                    finish(index)
                    return
                }
                base.copyMemory(from: conns[index].carry.readable.baseAddress!, byteCount: carried)
                conns[index].carry.clear()
            }
            let room = readBuffer.count - carried
            let received = lobby_read(conns[index].fd, base + carried, room)
            if received <= 0 {
                if received < 0 {
                    let error = lobby_errno()
                    if error == EAGAIN || error == EWOULDBLOCK {
                        keep(index, base, from: 0, to: carried)
                        return
                    }
                    failed(index, errno: error)
                } else {
                    if conns[index].state == .handshaking {
                        counters.failHandshake += 1
                    } else {
                        counters.errorEOF += 1
                    }
                    finish(index)
                }
                return
            }
            now = lobby_monotonic_ns()
            lastReceiveNs = now
            let have = carried + received
            let used = process(index, UnsafeMutableRawBufferPointer(start: base, count: have))
            guard used >= 0, conns[index].state.hasSocket else { return }
            keep(index, base, from: used, to: have)
            if received < room { return }
        }
    }

    /// Saves `base[from..<to]` as the connection's carry.
    @inline(__always)
    private func keep(_ index: Int, _ base: UnsafeMutableRawPointer, from: Int, to: Int) {
        if to > from { conns[index].carry.append(UnsafeRawBufferPointer(start: base + from, count: to - from)) }
    }

    /// Handles every complete event in `data`; returns the bytes consumed, or -1 if the connection ended.
    private func process(_ index: Int, _ data: UnsafeMutableRawBufferPointer) -> Int {
        var offset = 0
        if conns[index].state == .handshaking {
            let used = readHandshake(index, UnsafeRawBufferPointer(data))
            if used <= 0 { return used }
            offset = used
        }
        while true {
            let event = conns[index].reader.next(data, offset: &offset)
            switch event {
            case .needMoreData:
                return offset
            case .text(let payload):
                counters.receivedMessages &+= 1
                counters.receivedBytes &+= payload.count
                if let onText { onText(index, payload) }
                if phase != .off { Marker.scan(payload) { ns, seq in delivered(index, ns: ns, seq: seq) } }
            case .binary(let payload):
                counters.receivedMessages &+= 1
                counters.receivedBytes &+= payload.count
            case .ping(let payload):
                counters.pings += 1
                if conns[index].state == .open { queueFrame(index, .pong, payload) }
            case .pong:
                continue
            case .close(let code, _):
                receivedClose(index, code: code)
                return -1
            case .failure(let code, let reason):
                protocolError(index, code: code, reason: reason)
                return -1
            }
        }
    }

    /// One marker arrived: count it, record its latency, and in closed loop let its sender send the next message.
    @inline(__always)
    private func delivered(_ index: Int, ns: UInt64, seq: UInt64) {
        // Markers sent before this window (a previous step's backlog) or not by us at all are ignored.
        guard ns >= windowStartNs, ns <= now else { return }
        if phase == .measuring && now <= windowEndNs {
            window.deliveries &+= 1
        } else {
            window.deliveriesDrain &+= 1
        }
        histogram.add(now &- ns)
        lastDeliveryNs = now
        guard index < senders, let book, book.answered(index, seq: seq) else { return }
        if phase == .measuring && now < windowEndNs && conns[index].state == .open { sendMessage(index) }
    }

    /// The server sent a close frame: either the answer to ours, or its own (answered with the same code).
    private func receivedClose(_ index: Int, code: UInt16?) {
        counters.closeCodes[code ?? CloseCode.noStatusReceived.rawValue, default: 0] += 1
        if conns[index].state == .closing {
            counters.closesClean += 1
        } else {
            counters.closesByServer += 1
            if let code {
                var body = code.bigEndian
                withUnsafeBytes(of: &body) { queueFrame(index, .close, $0) }
            } else {
                queueFrame(index, .close, UnsafeRawBufferPointer(start: nil, count: 0))
            }
            flush(index)
        }
        finish(index)
    }

    /// The server broke RFC 6455: close with the reader's code, remember the first such error, finish.
    private func protocolError(_ index: Int, code: CloseCode, reason: String) {
        counters.errorProtocol += 1
        if counters.firstProtocolError.isEmpty {
            counters.firstProtocolError = "connection \(index): \(reason) (close \(code.rawValue))"
        }
        if conns[index].state == .open {
            var body = code.rawValue.bigEndian
            withUnsafeBytes(of: &body) { queueFrame(index, .close, $0) }
            flush(index)
        }
        finish(index)
    }
}
