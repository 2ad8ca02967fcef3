import GameEvents

/// Seat bookkeeping used by ``LobbyStateMachine``: these change the roster but apply no rules and do not bump
/// `version` (the machine does, once per event).
extension Lobby {
    /// Seats `user` last in join order, with the first palette colour no player uses (starting at their seat
    /// number), not ready and connected; returns the new player.
    mutating func seat(_ user: UserID, username: String, at now: Int64) -> Player {
        let player = Player(
            userId: user, username: username, customization: Customization(paddleColor: freeColor()), joinedAt: now)
        players.append(player)
        return player
    }

    /// Removes `user`; returns the player, or nil if they were not seated.
    mutating func unseat(_ user: UserID) -> Player? {
        guard let index = players.firstIndex(where: { $0.userId == user }) else { return nil }
        return players.remove(at: index)
    }

    /// Changes the player `user` with `change`; false if there is no such player.
    @discardableResult
    mutating func modifyPlayer(_ user: UserID, _ change: (inout Player) -> Void) -> Bool {
        guard let index = players.firstIndex(where: { $0.userId == user }) else { return false }
        change(&players[index])
        return true
    }

    /// Clears every player's ready flag.
    mutating func unreadyEveryone() {
        for index in players.indices { players[index].ready = false }
    }

    /// Who hosts after the host leaves: the earliest-joined connected player, else the earliest-joined one.
    func successor() -> UserID? {
        (players.first(where: \.connected) ?? players.first)?.userId
    }

    /// The first palette colour, starting at the next seat's number, that no player uses. There are eight
    /// palette colours and at most seven other players, so one is always free.
    func freeColor() -> PaddleColor {
        let palette = PaddleColor.palette
        for offset in palette.indices {
            let color = palette[(players.count + offset) % palette.count]
            if !players.contains(where: { $0.customization.paddleColor == color }) { return color }
        }
        preconditionFailure("more than \(palette.count - 1) players before a new seat")
    }

    /// Whether a player other than `user` uses `color`.
    func isColorTaken(_ color: PaddleColor, byOtherThan user: UserID) -> Bool {
        players.contains { $0.userId != user && $0.customization.paddleColor == color }
    }
}
