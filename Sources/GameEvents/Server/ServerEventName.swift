/// The wire names of the events the server sends (docs/protocol.md). The one table: encoding writes names from
/// here and decoding (for clients and tests) looks them up here.
public enum ServerEventName: String, Sendable, CaseIterable {
    /// `connection.ack`: the first frame of an accepted connection.
    case connectionAck = "connection.ack"
    /// `connection.error`: the token was refused; the server closes with 4001 after it.
    case connectionError = "connection.error"
    /// `system.heartbeat.ack`: the answer to `system.heartbeat`.
    case heartbeatAck = "system.heartbeat.ack"
    /// `system.error`: a request failed; the connection stays open.
    case systemError = "system.error"
    /// `user:status`: a user's status changed.
    case userStatus = "user:status"
    /// `friend:online`: a friend's first connection opened.
    case friendOnline = "friend:online"
    /// `friend:offline`: a friend's last connection closed.
    case friendOffline = "friend:offline"
    /// `friend:request`: someone asked to be your friend.
    case friendRequest = "friend:request"
    /// `friend:request_sent`: your friend request was recorded.
    case friendRequestSent = "friend:request_sent"
    /// `friend:added`: a friendship was completed.
    case friendAdded = "friend:added"
    /// `friend:removed`: a friendship or request ended.
    case friendRemoved = "friend:removed"
    /// `friend:list`: friends and pending requests.
    case friendList = "friend:list"
    /// `chat:receive_message`: a direct message, to both sides.
    case chatReceiveMessage = "chat:receive_message"
    /// `chat:typing_start`: a user started typing to you.
    case chatTypingStart = "chat:typing_start"
    /// `chat:typing_stop`: a user stopped typing to you.
    case chatTypingStop = "chat:typing_stop"
    /// `chat:message_read`: the other side read your messages up to one.
    case chatMessageRead = "chat:message_read"
    /// `chat:history`: a page of a conversation.
    case chatHistory = "chat:history"
    /// `lobby:created`: the answer to `lobby:create`, with the new lobby.
    case lobbyCreated = "lobby:created"
    /// `lobby:list`: a page of public lobbies.
    case lobbyList = "lobby:list"
    /// `lobby:joined`: the answer to `lobby:join` and `lobby:accept`, with the lobby.
    case lobbyJoined = "lobby:joined"
    /// `lobby:left`: you are no longer in a lobby.
    case lobbyLeft = "lobby:left"
    /// `lobby:update`: a lobby's full state after a change.
    case lobbyUpdate = "lobby:update"
    /// `lobby:player:join`: a player joined your lobby.
    case lobbyPlayerJoin = "lobby:player:join"
    /// `lobby:player:leave`: a player is no longer in your lobby.
    case lobbyPlayerLeave = "lobby:player:leave"
    /// `lobby:invitation`: someone invited you to a lobby.
    case lobbyInvitation = "lobby:invitation"
    /// `lobby:invite_sent`: the answer to `lobby:invite`.
    case lobbyInviteSent = "lobby:invite_sent"
    /// `lobby:invitation:declined`: an invitation was declined.
    case lobbyInvitationDeclined = "lobby:invitation:declined"
    /// `lobby:chat`: a lobby chat message, to every member.
    case lobbyChat = "lobby:chat"
    /// `lobby:typing`: a member started or stopped typing.
    case lobbyTyping = "lobby:typing"
    /// `lobby:chat:history`: a page of a lobby's chat.
    case lobbyChatHistory = "lobby:chat:history"
    /// `lobby:chat:read`: the answer to `lobby:chat:read`.
    case lobbyChatRead = "lobby:chat:read"
    /// `lobby:closed`: your lobby was closed.
    case lobbyClosed = "lobby:closed"
    /// `game:start`: a game's setup, to each player and spectator connection (again to one that joins later).
    case gameStart = "game:start"
    /// `game:state`: a snapshot of a game (tick, ball, paddles, score, last inputs applied).
    case gameState = "game:state"
    /// `game:score`: a point was scored.
    case gameScore = "game:score"
    /// `game:pause`: a player's last connection dropped; the game waits for them.
    case gamePause = "game:pause"
    /// `game:resume`: the player is back; play continues after a countdown.
    case gameResume = "game:resume"
    /// `game:end`: the game is over (winner, score, reason).
    case gameEnd = "game:end"
    /// `game:list`: a page of live games.
    case gameList = "game:list"
    /// `game:unspectated`: the answer to `game:unspectate`.
    case gameUnspectated = "game:unspectated"
    /// `session.resumed`: the answer to `session.resume`: the seat, the lobby and what was missed.
    case sessionResumed = "session.resumed"
    /// `session.expired`: the answer to a `session.resume` that came too late or with an unknown token.
    case sessionExpired = "session.expired"
}
