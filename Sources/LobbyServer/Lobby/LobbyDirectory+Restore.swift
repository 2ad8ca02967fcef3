extension LobbyDirectory {
    /// Brings back a lobby saved at a clean shutdown (see `LobbyStateMachine.init(restoring:rules:now:)`).
    /// Refused (nil) when its id is taken or one of its players is already in another lobby.
    mutating func restore(_ saved: Lobby, now: Int64) -> LobbyOutcome? {
        guard saved.state != .closed, !saved.players.isEmpty, lobby(saved.id) == nil,
              saved.players.allSatisfy({ lobbyOf($0.userId) == nil }) else { return nil }
        let machine = LobbyStateMachine(restoring: saved, rules: rules, now: now)
        insertRestored(machine)
        return LobbyOutcome(lobby: machine.lobby, actions: machine.restoredGraceActions + [.updated])
    }
}
