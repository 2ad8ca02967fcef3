import GameEvents

/// What the owner of a lobby (the hub) must do after an event: the lobby domain decides, the owner performs.
///
/// Events return a list, in the order to perform it: a `.rejected` comes first; when the lobby changed visibly,
/// `.updated` comes last (the specific notices such as `lobby:player:join` go out before the full state). An
/// empty list means the event was valid but changed nothing (for example `ready(true)` from a player who is
/// ready, or a timer that is stale).
enum LobbyAction: Equatable, Sendable {
    /// The request was refused: answer the requester with `system.error`. Usually alone; a join attempt during
    /// the countdown also cancels it, and then the actions after it in the list still apply.
    case rejected(LobbyRejection)
    /// The lobby was created (only from ``LobbyDirectory``): answer `lobby:created`.
    case created
    /// The lobby's state changed: send `lobby:update` (the full state, `version` already bumped) to every member.
    case updated
    /// A player joined: answer the joiner with `lobby:joined`, tell the others `lobby:player:join`.
    case playerJoined(Lobby.Player)
    /// A player left: tell them `lobby:left`, the others `lobby:player:leave`.
    case playerLeft(UserID, Lobby.LeaveReason)
    /// A player left while a game was running: the game must forfeit them.
    case playerLeftGame(UserID)
    /// The host left and `UserID` hosts now.
    case hostChanged(UserID)
    /// The countdown began: call `countdownElapsed(now:)` at `deadline` (wall-clock milliseconds).
    case countdownStarted(deadline: Int64)
    /// The countdown was cancelled (back to `waiting`): its timer may be dropped (when it fires it is a no-op).
    case countdownCancelled
    /// Start the game with these players and settings (the lobby is `in_game` now; any countdown is over).
    case startGame(Lobby)
    /// The game ended and the lobby is `finished` with this result.
    case gameFinished(Lobby.GameResult)
    /// A player's last connection dropped: call `graceExpired(user:now:)` at `deadline`.
    case graceStarted(UserID, deadline: Int64)
    /// The lobby is closed: tell `formerMembers` `lobby:closed`; stop any game and timer of the lobby.
    case closed(Lobby.CloseReason, formerMembers: [UserID])
    /// An invitation was made: tell the invitee `lobby:invitation`, answer the inviter `lobby:invite_sent`.
    case invitationCreated(Lobby.Invitation)
    /// An invitation was declined: tell the inviter `lobby:invitation:declined`.
    case invitationDeclined(Lobby.Invitation)
}

extension Array where Element == LobbyAction {
    /// The rejection in the list, if the request was refused.
    var rejection: LobbyRejection? {
        for case .rejected(let rejection) in self { return rejection }
        return nil
    }
}
