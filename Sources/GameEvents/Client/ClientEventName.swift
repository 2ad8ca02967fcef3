/// The wire names of the events clients send (docs/protocol.md). The one table: decoding looks names up here and
/// encoding writes them from here.
public enum ClientEventName: String, Sendable, CaseIterable {
    /// `system.heartbeat`: an application-level keep-alive for clients that cannot see WebSocket pings.
    case heartbeat = "system.heartbeat"
    /// `user:status`: set the user's own status.
    case userStatus = "user:status"
    /// `friend:add`: send or accept a friend request.
    case friendAdd = "friend:add"
    /// `friend:remove`: end a friendship, withdraw a request or decline one.
    case friendRemove = "friend:remove"
    /// `friend:list`: ask for friends and pending requests.
    case friendList = "friend:list"
    /// `chat:send_message`: send a direct message.
    case chatSendMessage = "chat:send_message"
    /// `chat:typing_start`: tell a user you started typing to them.
    case chatTypingStart = "chat:typing_start"
    /// `chat:typing_stop`: tell a user you stopped typing.
    case chatTypingStop = "chat:typing_stop"
    /// `chat:message_read`: mark a conversation read up to a message.
    case chatMessageRead = "chat:message_read"
    /// `chat:history`: page through a conversation.
    case chatHistory = "chat:history"
    /// `lobby:create`: create a lobby and become its host.
    case lobbyCreate = "lobby:create"
    /// `lobby:list`: page through public lobbies.
    case lobbyList = "lobby:list"
    /// `lobby:join`: join a lobby.
    case lobbyJoin = "lobby:join"
    /// `lobby:leave`: leave your lobby.
    case lobbyLeave = "lobby:leave"
    /// `lobby:ready`: say you are (or are not) ready to play.
    case lobbyReady = "lobby:ready"
    /// `lobby:customization`: change your options (paddle colour).
    case lobbyCustomization = "lobby:customization"
    /// `lobby:start`: start the game now (host only).
    case lobbyStart = "lobby:start"
    /// `lobby:close`: close the lobby (host only).
    case lobbyClose = "lobby:close"
    /// `lobby:invite`: invite a user to your lobby.
    case lobbyInvite = "lobby:invite"
    /// `lobby:accept`: accept an invitation and join its lobby.
    case lobbyAccept = "lobby:accept"
    /// `lobby:decline`: decline an invitation.
    case lobbyDecline = "lobby:decline"
    /// `lobby:chat`: send a message to your lobby.
    case lobbyChat = "lobby:chat"
    /// `lobby:typing`: tell your lobby you started or stopped typing.
    case lobbyTyping = "lobby:typing"
    /// `lobby:chat:history`: page through your lobby's chat.
    case lobbyChatHistory = "lobby:chat:history"
    /// `lobby:chat:read`: mark your lobby's chat read up to a message.
    case lobbyChatRead = "lobby:chat:read"
    /// `game:input`: move your paddle (a direction or a target position), numbered by `seq`.
    case gameInput = "game:input"
    /// `game:leave`: leave the game you play, losing by forfeit.
    case gameLeave = "game:leave"
    /// `game:list`: page through the live games you may watch.
    case gameList = "game:list"
    /// `game:spectate`: start watching a game.
    case gameSpectate = "game:spectate"
    /// `game:unspectate`: stop watching a game.
    case gameUnspectate = "game:unspectate"
    /// `game:replay`: watch a finished game again.
    case gameReplay = "game:replay"
    /// `session.resume`: take back the session of a lost connection (the first message after reconnecting).
    case sessionResume = "session.resume"
}
