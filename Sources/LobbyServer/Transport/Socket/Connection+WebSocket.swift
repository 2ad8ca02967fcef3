import WebSocketCore

extension Connection {
    /// Parses frames from `bytes` and acts on each event; returns how many bytes were consumed (the rest is a
    /// partial frame the caller keeps).
    func processWebSocket(_ bytes: UnsafeMutableRawBufferPointer) -> Int {
        var offset = 0
        lastReadAt = loop.now
        while state == .open || state == .closeSent {
            switch reader.next(bytes, offset: &offset) {
            case .needMoreData:
                return offset
            case .text(let payload):
                if state == .open { deliverText(payload) }
            case .binary(let payload):
                if state == .open { deliverBinary(payload) }
            case .ping(let payload):
                // RFC 6455 5.5.2: answer with a pong carrying the same application data, as soon as practical.
                if state == .open { send(.webSocket(.pong, payload: payload)) }
            case .pong:
                pingSentAt = 0
            case .close(let code, let reason):
                receivedClose(code: code, reason: reason)
            case .failure(let code, let reason):
                fail(code, reason: reason)
            }
        }
        return bytes.count
    }

    /// Starts a server-initiated close: send close(code), then wait CLOSE_TIMEOUT_MS for the peer's close.
    func close(_ code: CloseCode, reason: String) {
        guard state == .open else {
            if state == .http { doom() }
            return
        }
        closeCode = code
        send(.close(code, reason: reason))
        sendClosed = true
        state = .closeSent
        deadline = loop.now + MonotonicClock.ns(ms: loop.server.config.closeTimeoutMs)
    }

    /// The peer sent a close frame (RFC 6455 5.5.1, 7.1.5).
    private func receivedClose(code: UInt16?, reason: UnsafeRawBufferPointer) {
        if state == .open {
            // Echo the status code back; a close without a code is answered with an empty close.
            let status = code.map { CloseCode(rawValue: $0) }
            closeCode = status ?? .noStatusReceived
            if let status {
                let body: [UInt8] = [UInt8(status.rawValue >> 8), UInt8(status.rawValue & 0xFF)]
                body.withUnsafeBytes { send(.webSocket(.close, payload: $0)) }
            } else {
                send(.webSocket(.close, payload: UnsafeRawBufferPointer(start: nil, count: 0)))
            }
            sendClosed = true
            shutdownAfterFlush = true
            state = .draining
            deadline = loop.now + MonotonicClock.ns(ms: loop.server.config.closeTimeoutMs)
        } else {
            // Our close was answered: the handshake is complete and the server closes TCP first (RFC 6455 7.1.1),
            // without waiting for the peer's FIN: nothing more may come from it.
            closeHandshakeDone = true
            shutdownAfterFlush = true
            state = .draining
            if outHead == out.count { afterFlush(drained: true) }
        }
    }

    /// The peer broke the protocol: send close(code) and drop the connection once it is flushed (RFC 6455 7.1.7).
    func fail(_ code: CloseCode, reason: String) {
        loop.server.stats.protocolErrors.add(1)
        Log.debug("WebSocket failed", ["peer": peer, "code": code.rawValue, "reason": reason])
        if state == .open {
            closeCode = code
            send(.close(code, reason: reason))
        }
        sendClosed = true
        shutdownAfterFlush = true
        state = .draining
        deadline = loop.now + MonotonicClock.ns(ms: loop.server.config.closeTimeoutMs)
        if outHead == out.count && !isDirty { afterFlush(drained: true) }
    }

    // MARK: Sending (application API)

    /// Sends a text message (copied into a new frame; compressed if permessage-deflate was negotiated).
    func sendText(_ text: UnsafeRawBufferPointer) { sendData(.text, text) }

    /// Sends a binary message (copied into a new frame; compressed if permessage-deflate was negotiated).
    func sendBinary(_ data: UnsafeRawBufferPointer) { sendData(.binary, data) }
}
