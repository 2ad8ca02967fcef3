import GameEvents
import Persistence

extension Hub {
    /// How many missed chat messages `session.resume` sends back before reporting a gap.
    static let resumeChatLimit = 100

    /// Remembers the resume token handed out in a connection's ack.
    func registerResumeToken(_ token: String, user: UserID) {
        resumeTokens[token] = ResumeEntry(user: user, closedAt: nil)
    }

    /// The connection holding `token` closed: it stays usable for the reconnect grace period, and remembers the
    /// lobby the user is in (the client's positions count there).
    func resumeTokenClosed(_ token: String) {
        guard var entry = resumeTokens[token] else { return }
        entry.closedAt = MonotonicClock.now()
        entry.lobby = lobbies.lobbyOf(entry.user)
        resumeTokens[token] = entry
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
        guard let entry = takeResumeToken(resume.resumeToken, request) else { return }
        let current = lobbies.lobbyOf(request.user)
        guard let lobbyId = current, let lobby = lobbies.lobby(lobbyId), entry.closedAt == nil || entry.lobby == lobbyId
        else {
            // In no lobby, or the client's chat id and version were positions in another lobby (or in none).
            let state = current.flatMap { lobbies.lobby($0) }.map(wire)
            let streams = ResumeStreams(chat: .reset, lobbyEvents: .reset)
            reply(request, .sessionResumed(SessionResumed(lobby: state, streams: streams)))
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
            let chat = Self.chatStream(after: lastChat, catchUp)
            let state = lobbies.lobby(lobbyId).map(wire)
            reply(request, .sessionResumed(SessionResumed(lobby: state, streams: ResumeStreams(chat: chat, lobbyEvents: events))))
        })
    }

    /// Takes `token` for `request.user` (tokens are single use: the new connection has its own): its entry, or
    /// nil after answering `session.expired` (unknown, someone else's, or past its grace period).
    private func takeResumeToken(_ token: String, _ request: Request) -> ResumeEntry? {
        guard let entry = resumeTokens[token], entry.user == request.user else {
            reply(request, .sessionExpired(SessionExpired(reason: .unknownToken)))
            return nil
        }
        resumeTokens[token] = nil
        if let closed = entry.closedAt,
           MonotonicClock.now() >= closed + MonotonicClock.ns(ms: Int(lobbyRules.disconnectGraceMs)) {
            reply(request, .sessionExpired(SessionExpired(reason: .graceExpired)))
            return nil
        }
        return entry
    }

    /// The chat stream for a client that last saw `lastChat`: `reset` when that id is beyond the lobby's
    /// newest (it is not from this lobby's chat), else everything missed or a gap.
    private static func chatStream(after lastChat: Int64, _ catchUp: LobbyChatCatchUp)
        -> StreamResume<LobbyChatMessage>
    {
        let messages = catchUp.messages.compactMap(Self.wire)
        if lastChat > catchUp.lastMessageId { return .reset }
        return catchUp.isComplete ? .recovered(messages) : .gap(missed: catchUp.missed, rest: messages)
    }

    /// Membership events after `version`: all of them while the log still reaches back that far, else a gap
    /// of the versions no longer known; `reset` without a version or with one the lobby never had.
    private func resumeEvents(_ lobby: LobbyID, after version: Int64?, current: Int64) -> StreamResume<ServerEvent> {
        guard let version, version <= current else { return .reset }
        let log = lobbyEventLog[lobby] ?? LobbyEventLog()
        let newer = log.entries.filter { $0.version > version }.map(\.event)
        guard version < log.droppedThrough else { return .recovered(newer) }
        return .gap(missed: Int(log.droppedThrough - version), rest: newer)
    }
}
