import GameEvents
import Persistence

extension Hub {
    /// How many missed chat messages `session.resume` sends back before reporting a gap.
    static let resumeChatLimit = 100

    /// Remembers the resume token handed out in a connection's ack.
    func registerResumeToken(_ token: String, user: UserID) {
        resumeTokens[token] = ResumeEntry(user: user, closedAt: nil)
    }

    /// The connection holding `token` closed: it stays usable for the reconnect grace period.
    func resumeTokenClosed(_ token: String) {
        resumeTokens[token]?.closedAt = MonotonicClock.now()
        let graceMs = Int(lobbyRules.disconnectGraceMs)
        shard.schedule(afterMs: graceMs + 1_000) { [self] in
            if let entry = resumeTokens[token], let closed = entry.closedAt,
               MonotonicClock.now() >= closed + MonotonicClock.ns(ms: graceMs) {
                resumeTokens[token] = nil
            }
        }
    }

    /// `session.resume`: in one message, the lobby seat and state, and per stream what was missed (or `gap`
    /// with how many, or `reset`); `session.expired` when the token is unknown or its grace period is over.
    func resumeSession(_ resume: ResumeSession, _ request: Request) {
        guard let entry = resumeTokens[resume.resumeToken], entry.user == request.user else {
            reply(request, .sessionExpired(SessionExpired(reason: .unknownToken)))
            return
        }
        if let closed = entry.closedAt,
           MonotonicClock.now() >= closed + MonotonicClock.ns(ms: Int(lobbyRules.disconnectGraceMs)) {
            resumeTokens[resume.resumeToken] = nil
            reply(request, .sessionExpired(SessionExpired(reason: .graceExpired)))
            return
        }
        resumeTokens[resume.resumeToken] = nil  // single use: the new connection has its own token
        guard let lobbyId = lobbies.lobbyOf(request.user), let lobby = lobbies.lobby(lobbyId) else {
            reply(request, .sessionResumed(SessionResumed(lobby: nil, streams: ResumeStreams(chat: .reset, lobbyEvents: .reset))))
            return
        }
        let events = resumeEvents(lobbyId, after: resume.lastLobbyVersion, current: lobby.version)
        guard let lastChat = resume.lastChatId?.rawValue else {
            reply(request, .sessionResumed(SessionResumed(lobby: wire(lobby), streams: ResumeStreams(chat: .reset, lobbyEvents: events))))
            return
        }
        let limit = Self.resumeChatLimit
        store(request, { stores in
            try stores.lobbyChat.messages(lobbyId: lobbyId.rawValue, after: lastChat, limit: limit)
        }, then: { [self] catchUp in
            let messages = catchUp.messages.compactMap(Self.wire)
            let chat: StreamResume<LobbyChatMessage> = catchUp.isComplete ? .recovered(messages)
                                                                          : .gap(missed: catchUp.missed, rest: messages)
            let state = lobbies.lobby(lobbyId).map(wire)
            reply(request, .sessionResumed(SessionResumed(lobby: state, streams: ResumeStreams(chat: chat, lobbyEvents: events))))
        })
    }

    /// Membership events after `version`, if the log still reaches back that far.
    private func resumeEvents(_ lobby: LobbyID, after version: Int64?, current: Int64) -> StreamResume<ServerEvent> {
        guard let version else { return .reset }
        let entries = lobbyEventLog[lobby]?.entries ?? []
        let newer = entries.filter { $0.version > version }.map(\.event)
        if version >= current { return .recovered([]) }
        if let oldest = entries.first?.version, oldest <= version + 1 { return .recovered(newer) }
        if entries.isEmpty { return .recovered([]) }
        return .gap(missed: Int(current - version) - newer.count, rest: newer)
    }
}
