/// What a ``LobbyDirectory`` event did: the lobby it concerned, after the event, and the actions to perform.
struct LobbyOutcome: Equatable, Sendable {
    /// The lobby after the event (a closed lobby's final state, with no players, when the event closed it); nil
    /// when the request concerned no lobby (unknown id, user in no lobby, invitation not theirs).
    let lobby: Lobby?
    /// What to do, in order (see ``LobbyAction``).
    let actions: [LobbyAction]

    /// An outcome concerning `lobby`.
    init(lobby: Lobby?, actions: [LobbyAction]) {
        self.lobby = lobby
        self.actions = actions
    }

    /// A refusal concerning no lobby.
    static func rejected(_ rejection: LobbyRejection) -> LobbyOutcome {
        LobbyOutcome(lobby: nil, actions: [.rejected(rejection)])
    }

    /// The rejection among the actions, if the request was refused.
    var rejection: LobbyRejection? { actions.rejection }
}
