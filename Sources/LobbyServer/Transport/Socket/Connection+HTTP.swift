import CLinux
import WebSocketCore

extension Connection {
    /// Parses and answers every complete request in `inbound` (pipelining is served in order).
    func processHTTP() {
        while state == .http, let exchange = http {
            let head: HTTPRequestHead
            let headerLength: Int
            if let pending = exchange.pendingHead {
                (head, headerLength) = pending
            } else {
                if inbound.isEmpty { return }
                // The first byte of a request restarts the clock: the whole head must arrive in time.
                if deadline == 0 || isKeepAliveWait {
                    isKeepAliveWait = false
                    deadline = loop.now + MonotonicClock.ns(ms: loop.server.config.requestTimeoutMs)
                }
                switch exchange.parser.parse(UnsafeRawBufferPointer(inbound.readable)) {
                case .needMoreData:
                    return
                case .failure(let error):
                    respondAndClose(error.status, message: error.message)
                    return
                case .head(let parsed, let length):
                    (head, headerLength) = (parsed, length)
                }
                if head.contentLength > loop.server.config.maxBodySize {
                    respondAndClose(413, message: "request body larger than \(loop.server.config.maxBodySize) bytes")
                    return
                }
            }
            guard inbound.count >= headerLength + head.contentLength else {
                exchange.pendingHead = (head, headerLength)
                return
            }
            exchange.pendingHead = nil
            let bodyBytes = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(inbound.readable)[headerLength..<(headerLength + head.contentLength)])
            let body = Array(bodyBytes)
            inbound.consume(headerLength + head.contentLength)
            exchange.parser.reset()
            route(head, body: body)
        }
        if state != .http { processInbound() }
    }

    /// Sends an error response with `Connection: close` and closes after it is flushed.
    func respondAndClose(_ status: Int, message: String, headers: [(String, String)] = []) {
        loop.server.stats.httpErrors.add(1)
        respond(HTTPReply.error(status, message, headers: headers), keepAlive: false, headOnly: false)
    }

    /// Queues a response; without keep-alive the connection drains and closes once it is sent.
    func respond(_ reply: HTTPReply, keepAlive: Bool, headOnly: Bool) {
        var bytes = HTTPResponse.bytes(status: reply.status, headers: reply.headers, body: reply.body, keepAlive: keepAlive)
        // HEAD: the GET response's head, Content-Length included, without the body.
        if headOnly { bytes.removeLast(reply.body.count) }
        send(.bytes(bytes))
        if keepAlive {
            isKeepAliveWait = true
            deadline = loop.now + MonotonicClock.ns(ms: loop.server.config.keepAliveTimeoutMs)
        } else {
            http = nil
            state = .draining
            shutdownAfterFlush = true
            inbound.release()
            deadline = loop.now + MonotonicClock.ns(ms: loop.server.config.closeTimeoutMs)
        }
    }

    /// Picks the route for a complete request.
    private func route(_ head: HTTPRequestHead, body: [UInt8]) {
        let routes = loop.server.routes
        if let route = routes.webSocket[head.path] {
            guard WebSocketHandshake.isUpgradeAttempt(head) else {
                respondAndClose(426, message: "this path speaks WebSocket only",
                                headers: [("Upgrade", "websocket"), ("Sec-WebSocket-Version", "13")])
                return
            }
            switch WebSocketHandshake.validate(head, allowedOrigins: loop.server.config.allowedOrigins) {
            case .failure(let rejection):
                respondAndClose(rejection.status, message: rejection.reason, headers: rejection.headers)
            case .success(let key):
                if let refusal = route.admit?(peer, head) {
                    loop.server.stats.httpErrors.add(1)
                    respond(refusal, keepAlive: false, headOnly: false)
                    return
                }
                upgrade(route: route, key: key, request: head)
            }
            return
        }
        guard let route = routes.http[head.path] else {
            respondAndClose404IfNeeded(head)
            return
        }
        let isHead = head.method == "HEAD" && route.methods.contains("GET")
        guard route.methods.contains(head.method) || isHead else {
            var allowed = route.methods.sorted()
            if route.methods.contains("GET") { allowed.append("HEAD") }
            loop.server.stats.httpErrors.add(1)
            respond(.error(405, "method \(head.method) not allowed", headers: [("Allow", allowed.joined(separator: ", "))]),
                    keepAlive: head.keepAlive && !loop.isShuttingDown, headOnly: false)
            return
        }
        loop.server.stats.httpRequests.add(1)
        let reply = route.handle(HTTPRequest(head: head, body: body, loop: loop))
        respond(reply, keepAlive: head.keepAlive && !loop.isShuttingDown, headOnly: isHead)
    }

    private func respondAndClose404IfNeeded(_ head: HTTPRequestHead) {
        loop.server.stats.httpErrors.add(1)
        respond(.error(404, "no route for \(head.path)"), keepAlive: head.keepAlive && !loop.isShuttingDown, headOnly: head.method == "HEAD")
    }

    /// Completes the handshake: 101, then the connection speaks WebSocket (RFC 6455 4.2.2).
    private func upgrade(route: WebSocketRoute, key: String, request: HTTPRequestHead) {
        guard let handler = loop.webSocketHandlers[route.path] else { return }
        let extensions = negotiateDeflate(request)
        send(.bytes(WebSocketHandshake.switchingProtocols(accept: WebSocketHandshake.acceptValue(for: key),
                                                          extraHeaders: extensions)))
        http = nil
        state = .open
        deadline = 0
        isKeepAliveWait = false
        lastReadAt = loop.now
        reader = MessageReader(role: .server, maxMessageSize: route.maxMessageSize, compression: deflateWindowBits != 0)
        highWater = loop.server.config.highWater(maxMessageSize: route.maxMessageSize)
        if route.notSentLowWater > 0 { _ = lobby_set_notsent_lowat(fd, Int32(route.notSentLowWater)) }
        self.handler = handler
        handlerOpen = true
        closeCode = .abnormalClosure
        loop.server.stats.webSocketsOpen.add(1)
        loop.server.stats.webSocketUpgrades.add(1)
        handler.webSocketDidOpen(self, request: request)
    }
}

extension HTTPParseError {
    /// A short human explanation for the error body.
    var message: String {
        switch self {
        case .badRequest(let reason): return "bad request: \(reason)"
        case .headersTooLarge: return "request header fields too large"
        case .unsupportedVersion: return "HTTP version not supported"
        case .notImplemented(let what): return "not implemented: \(what)"
        }
    }
}
