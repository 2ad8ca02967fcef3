import GameEvents
import WebSocketCore

/// What a `/ws` connection carries once authenticated: who it is and its own rate limits. Attached to the
/// connection (`Connection.context`) and touched only on the connection's loop.
final class SessionContext {
    let userId: UserID
    let username: String
    let role: Claims.Role
    /// The id reported in `connection.ack` (also the connection's `ConnectionRef` description).
    let connectionId: String
    var limiter: ConnectionLimiter
    var abuse = AbuseTracker()
    /// Handed out in `connection.ack`: a later connection of the same user may resume this session with it.
    let resumeToken = SessionContext.makeResumeToken()

    init(claims: Claims, userId: UserID, connectionId: String, limits: RateLimitsByKind, now: UInt64) {
        self.userId = userId
        self.username = claims.username
        self.role = claims.role
        self.connectionId = connectionId
        limiter = ConnectionLimiter(limits: limits, now: now)
    }
}

extension SessionContext {
    /// 128 random bits, base64url: unguessable, so a token proves the client held the earlier connection.
    static func makeResumeToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return "rt." + Base64.encode(bytes, alphabet: .url, padded: false)
    }
}

extension ClientEvent {
    /// Which rate limit an event counts against.
    var rateLimitKind: RateLimitKind {
        switch self {
        case .sendMessage, .sendLobbyMessage, .lobbyTyping: return .chat
        case .setStatus, .typingStart, .typingStop: return .presence
        case .createLobby, .joinLobby, .acceptInvitation: return .roomJoin
        case .heartbeat, .addFriend, .removeFriend, .listFriends, .messageRead, .history: return .other
        case .listLobbies, .leaveLobby, .setReady, .customize, .startLobby, .closeLobby, .inviteToLobby,
            .declineInvitation, .lobbyHistory, .lobbyChatRead, .resumeSession:
            return .other
        case .gameInput: return .gameInput
        case .spectateGame, .unspectateGame, .replayGame: return .roomJoin
        case .leaveGame, .listGames: return .other
        }
    }
}
