import Foundation
import GameEvents
import WebSocketCore

/// The game endpoint (`WS_PATH`, default `/ws`), one instance per loop. On the loop it authenticates the
/// upgrade (JWT), answers heartbeats, decodes and validates every message, applies the per-connection rate
/// limits, and forwards valid events to the hub, which owns users, presence, friends and direct messages.
/// Decoding here spreads the JSON work over every loop; the hub only sees typed events.
final class SessionEndpoint: WebSocketHandler {
    private let services: SessionServices
    private unowned(unsafe) let loop: EventLoop

    init(loop: EventLoop, services: SessionServices) {
        self.loop = loop
        self.services = services
    }

    // MARK: Open

    func webSocketDidOpen(_ connection: Connection, request: HTTPRequestHead) {
        let token = request.queryItem("token") ?? Self.bearerToken(request.headers["Authorization"])
        let verified: Result<Claims, AuthError> = token.map {
            services.verifier.verify($0, now: SessionServices.nowMs() / 1000)
        } ?? .failure(.tokenMissing)
        let claims: Claims
        switch verified {
        case .failure(let error):
            connection.sendMessage(SessionServices.frame(.connectionError(ConnectionError(code: error.code, message: error.message))))
            connection.close(CloseCode(rawValue: 4001), reason: error.code)
            return
        case .success(let valid):
            claims = valid
        }
        guard let userId = UserID(validating: claims.sub) else {
            let error = AuthError.tokenClaims
            connection.sendMessage(SessionServices.frame(.connectionError(ConnectionError(code: error.code, message: "sub is not a valid user id"))))
            connection.close(CloseCode(rawValue: 4001), reason: error.code)
            return
        }
        let ref = connection.ref
        let session = SessionContext(claims: claims, userId: userId, connectionId: ref.description,
                                     limits: services.policy.perConnection, now: loop.now)
        connection.context = session
        let resumeToken = session.resumeToken
        let ack = ConnectionAck(connectionId: session.connectionId, userId: userId, username: claims.username,
                                role: claims.role, serverId: services.serverId,
                                heartbeatIntervalMs: Int64(services.heartbeatIntervalMs), serverTime: SessionServices.nowMs(),
                                resumeToken: resumeToken)
        connection.sendMessage(SessionServices.frame(.connectionAck(ack)))
        let hub = services.hub
        let username = claims.username
        hub.execute { hub.connectionOpened(ref, user: userId, username: username, resumeToken: resumeToken) }
    }

    /// The token from `Authorization: Bearer <token>`.
    static func bearerToken(_ header: String?) -> String? {
        guard let header else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = parts[1].trimmingCharacters(in: .whitespaces)
        return token.isEmpty ? nil : token
    }

    // MARK: Messages

    func webSocket(_ connection: Connection, didReceiveText text: UnsafeRawBufferPointer) {
        guard let session = connection.context as? SessionContext else { return }
        let message: ClientMessage
        switch EventCodec.decodeClient(text) {
        case .failure(let error):
            reply(connection, .systemError(SystemError(error)), to: error.id)
            return
        case .success(let decoded):
            message = decoded
        }
        if case .limited(let retryAfterMs) = session.limiter.take(message.event.rateLimitKind, now: loop.now) {
            rateLimited(connection, session, message: message, retryAfterMs: retryAfterMs)
            return
        }
        session.abuse.recordAllowed(now: loop.now)
        if case .heartbeat(let beat) = message.event {
            let ack = HeartbeatAck(serverTime: SessionServices.nowMs(), clientTime: beat.clientTime)
            reply(connection, .heartbeatAck(ack), to: message.id)
            return
        }
        if case .gameInput(let input) = message.event {
            // The hot path: straight to the shard that owns the game, applied at its next tick.
            let shards = services.gameShards
            shards[GameShardIndex.of(input.gameId, count: shards.count)].post(
                .input(input.gameId, session.userId, seq: input.seq, input: PaddleInput(input.move), ref: connection.ref,
                       id: message.id))
            return
        }
        let hub = services.hub
        let ref = connection.ref
        let user = session.userId
        let username = session.username
        hub.execute { hub.received(message, from: ref, user: user, username: username) }
    }

    func webSocket(_ connection: Connection, didReceiveBinary data: UnsafeRawBufferPointer) {
        let error = SystemError(code: .invalidPayload, message: "binary frames are not part of the protocol; send JSON text frames")
        reply(connection, .systemError(error), to: nil)
    }

    func webSocketDidClose(_ connection: Connection, code: CloseCode) {
        guard let session = connection.context as? SessionContext else { return }
        let hub = services.hub
        let ref = connection.ref
        let user = session.userId
        let resumeToken = session.resumeToken
        hub.execute { hub.connectionClosed(ref, user: user, resumeToken: resumeToken) }
    }

    // MARK: Helpers

    private func reply(_ connection: Connection, _ event: ServerEvent, to id: String?) {
        connection.sendMessage(SessionServices.frame(event, replyTo: id))
    }

    /// Over a per-connection limit: answer `rate_limited`; sustained abuse closes the connection with 1008.
    private func rateLimited(_ connection: Connection, _ session: SessionContext, message: ClientMessage, retryAfterMs: Int) {
        loop.server.stats.rateLimited.add(1)
        if session.abuse.recordLimited(now: loop.now) {
            loop.server.stats.abuseCloses.add(1)
            connection.close(.policyViolation, reason: "rate limits exceeded repeatedly")
            return
        }
        let error = SystemError(code: .rateLimited, message: "too many \(message.event.rateLimitKind.rawValue) requests",
                                retryAfterMs: Int64(retryAfterMs))
        reply(connection, .systemError(error), to: message.id)
    }

    /// The route, with the per-address admission check (429 before the handshake completes).
    static func route(config: Config, services: SessionServices) -> WebSocketRoute {
        var route = WebSocketRoute(path: config.wsPath, maxMessageSize: config.maxMessageSize) { loop in
            SessionEndpoint(loop: loop, services: services)
        }
        route.notSentLowWater = config.sendNotSentLowWater
        route.admit = { peer, _ in
            guard case .limited(let retryAfterMs) = services.admit(peer, now: MonotonicClock.now()) else { return nil }
            let seconds = max(1, (retryAfterMs + 999) / 1000)
            return .error(429, "too many new connections from this address", headers: [("Retry-After", String(seconds))])
        }
        return route
    }
}
