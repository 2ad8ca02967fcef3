import GameEvents
import Persistence

/// The owner of users: who is connected where (presence), their friends, and direct messages. It runs on its
/// own shard thread; loops post typed events to it, it posts encoded frames back through its outbox (flushed
/// once per batch), and storage work goes to the persistence writer, whose completions come back here.
/// Nothing here is touched from any other thread.
final class Hub: @unchecked Sendable {
    let shard: Shard
    let writer: PersistenceWriter
    let outbox: Outbox
    var presence: PresenceTracker<ConnectionRef>
    /// Friends of online users (ids and usernames), loaded when the user comes online.
    var friends: [UserID: [UserID: String]] = [:]
    let userLimiter: UserLimiter
    /// Every lobby, and which lobby each user is in.
    var lobbies: LobbyDirectory<SystemRandomNumberGenerator>
    let lobbyRules: LobbyRules
    /// Per lobby: the last chat message id and members' read markers (for unread counts).
    var lobbyChat: [LobbyID: LobbyChatState] = [:]
    /// Per lobby: recent membership events with the version they produced (for session resume).
    var lobbyEventLog: [LobbyID: LobbyEventLog] = [:]
    /// Resume tokens handed out in `connection.ack`, valid while their connection is open and for the
    /// reconnect grace period after it closes.
    var resumeTokens: [String: ResumeEntry] = [:]
    /// The game shards (set once at start-up, before any connection) and the settings they run with.
    var gameShards: [GameShard] = []
    let gameSettings: GameSettings
    /// Live games, which game each player plays and each spectator watches, and which shard streams a replay
    /// to a connection.
    var liveGames: [GameID: LiveGame] = [:]
    var gameOfPlayer: [UserID: GameID] = [:]
    var watching: [UserID: GameID] = [:]
    var replayShards: [ConnectionRef: Int] = [:]
    /// Commands for game shards produced during this batch, posted after the outbox is flushed, so a game's
    /// first frames reach each loop after the hub's own (`lobby:update`, statuses) for the same change.
    var gameCommands: [(shard: Int, command: GameCommand)] = []

    init(shard: Shard, writer: PersistenceWriter, fanout: Fanout, presenceGraceMs: Int, policy: RateLimitPolicy,
         lobbyRules: LobbyRules, gameSettings: GameSettings) {
        self.shard = shard
        self.writer = writer
        self.lobbyRules = lobbyRules
        self.gameSettings = gameSettings
        lobbies = LobbyDirectory(rules: lobbyRules, random: SystemRandomNumberGenerator())
        outbox = Outbox(fanout: fanout)
        presence = PresenceTracker(graceNs: MonotonicClock.ns(ms: presenceGraceMs))
        userLimiter = UserLimiter(limits: policy.perUser)
        shard.afterBatch = { [unowned self] in
            outbox.flush()
            guard !gameCommands.isEmpty else { return }
            for (index, command) in gameCommands { gameShards[index].post(command) }
            gameCommands.removeAll(keepingCapacity: true)
        }
    }

    /// Wall-clock milliseconds.
    func nowMs() -> Int64 { SessionServices.nowMs() }

    /// Runs `task` on the hub's thread.
    func execute(_ task: @escaping @Sendable () -> Void) { shard.execute(task) }

    // MARK: Dispatch (the one exhaustive switch from event to handler)

    /// A valid event from an authenticated connection.
    func received(_ message: ClientMessage, from ref: ConnectionRef, user: UserID, username: String) {
        let request = Request(ref: ref, user: user, username: username, id: message.id)
        if case .limited(let retryAfterMs) = userLimiter.take(user: user.rawValue, message.event.rateLimitKind,
                                                               now: MonotonicClock.now()) {
            fail(request, .rateLimited, "too many \(message.event.rateLimitKind.rawValue) requests for this user",
                 retryAfterMs: retryAfterMs)
            return
        }
        switch message.event {
        case .heartbeat:
            break  // answered on the loop
        case .setStatus(let set):
            setStatus(set.status, request)
        case .addFriend(let target):
            addFriend(target.userId, request)
        case .removeFriend(let target):
            removeFriend(target.userId, request)
        case .listFriends:
            listFriends(request)
        case .sendMessage(let send):
            sendDirectMessage(send, request)
        case .typingStart(let target):
            typing(to: target.to, started: true, request)
        case .typingStop(let target):
            typing(to: target.to, started: false, request)
        case .messageRead(let read):
            markRead(read, request)
        case .history(let query):
            history(query, request)
        case .createLobby(let create):
            createLobby(create, request)
        case .listLobbies(let query):
            listLobbies(query, request)
        case .joinLobby(let join):
            perform(lobbies.join(user: request.user, username: request.username, lobby: join.lobbyId, now: nowMs()), request)
        case .leaveLobby:
            leaveLobby(request)
        case .setReady(let set):
            perform(lobbies.ready(user: request.user, set.ready, now: nowMs()), request)
        case .customize(let customization):
            customize(customization, request)
        case .startLobby:
            perform(lobbies.start(user: request.user), request)
        case .closeLobby:
            perform(lobbies.close(user: request.user), request)
        case .inviteToLobby(let invite):
            inviteToLobby(invite.userId, request)
        case .acceptInvitation(let answer):
            answerInvitation(answer.invitationId, accept: true, request)
        case .declineInvitation(let answer):
            answerInvitation(answer.invitationId, accept: false, request)
        case .sendLobbyMessage(let send):
            sendLobbyMessage(send, request)
        case .lobbyTyping(let typing):
            lobbyTyping(typing.typing, request)
        case .lobbyHistory(let query):
            lobbyHistory(query, request)
        case .lobbyChatRead(let read):
            lobbyChatRead(read.messageId, request)
        case .resumeSession(let resume):
            resumeSession(resume, request)
        case .gameInput:
            break  // routed by the loop straight to the game's shard
        case .leaveGame:
            leaveGame(request)
        case .listGames(let query):
            listGames(query, request)
        case .spectateGame(let target):
            spectate(target.gameId, request)
        case .unspectateGame(let target):
            unspectate(target.gameId, request)
        case .replayGame(let replay):
            replayGame(replay.gameId, speed: replay.speed, request)
        }
    }

    // MARK: Replies

    /// Who asked, from which connection, with which envelope id.
    struct Request: Sendable {
        let ref: ConnectionRef
        let user: UserID
        let username: String
        let id: String?
    }

    /// Answers the requesting connection.
    func reply(_ request: Request, _ event: ServerEvent) {
        outbox.send(SessionServices.frame(event, replyTo: request.id), to: request.ref)
    }

    /// Answers with `system.error`.
    func fail(_ request: Request, _ code: WireErrorCode, _ message: String, reason: String? = nil, retryAfterMs: Int? = nil) {
        reply(request, .systemError(SystemError(code: code, message: message, reason: reason,
                                                retryAfterMs: retryAfterMs.map(Int64.init))))
    }

    /// Sends `event` to every connection of `user` (encoded once).
    func send(_ event: ServerEvent, toUser user: UserID) {
        let refs = presence.connections(of: user.rawValue)
        guard !refs.isEmpty else { return }
        outbox.send(SessionServices.frame(event), to: refs)
    }

    /// Sends `event` to every connection of `request.user`: the requesting one with `replyTo`, the others without.
    func sendToAllOfRequester(_ request: Request, _ event: ServerEvent) {
        reply(request, event)
        let others = presence.connections(of: request.user.rawValue).subtracting([request.ref])
        if !others.isEmpty { outbox.send(SessionServices.frame(event), to: others) }
    }

    /// Runs a storage job on the writer; its result comes back on the hub's thread. Storage failures answer the
    /// request with `internal` (or `rate_limited`-like overload) and are logged.
    func store<T: Sendable>(_ request: Request?, _ job: @escaping @Sendable (Stores) throws -> T,
                            then: @escaping (T) -> Void, orElse: ((Error) -> Bool)? = nil) {
        let box = UncheckedBox(then: then, orElse: orElse)
        do {
            try writer.submit(job) { [self] result in
                execute { [self] in
                    switch result {
                    case .success(let value): box.then(value)
                    case .failure(let error):
                        if let handled = box.orElse, handled(error) { return }
                        Log.error("storage job failed", ["error": error])
                        if let request { fail(request, .internal, "storage failed; retry") }
                    }
                }
            }
        } catch {
            Log.warning("storage queue refused a job", ["error": error])
            if let request { fail(request, .internal, "server busy; retry shortly") }
        }
    }

    /// Carries hub-thread closures through the writer thread untouched (they only run back on the hub).
    private struct UncheckedBox<T>: @unchecked Sendable {
        let then: (T) -> Void
        let orElse: ((Error) -> Bool)?
    }

    /// Stops the hub after the work already queued (call after the loops stopped).
    func stop(timeoutMs: Int) -> Bool { shard.stop(timeoutMs: timeoutMs) }
}
