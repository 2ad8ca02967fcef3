import GameEvents

/// How a game ended, kept while the lobby is `finished`.
extension Lobby {
    /// The outcome of a lobby's last game.
    struct GameResult: Equatable, Sendable {
        /// Why the game ended: the wire's reason (score, forfeit, abandoned), one definition for lobbies,
        /// games and storage.
        typealias Reason = GameEndReason

        /// The winner, if there is one.
        var winnerId: UserID?
        /// Each player's points.
        var scores: [UserID: Int]
        /// Why the game ended.
        var reason: Reason
        /// When the game ended (wall-clock milliseconds).
        var endedAt: Int64
    }
}
