import GameEvents

/// How a game ended, kept while the lobby is `finished`.
extension Lobby {
    /// The outcome of a lobby's last game.
    struct GameResult: Equatable, Sendable {
        /// Why the game ended. Raw values are the wire names.
        enum Reason: String, Equatable, Sendable, CaseIterable {
            /// Someone reached `pointsToWin`.
            case score
            /// A player left or was disconnected for good.
            case forfeit
            /// The game could not go on (for example everyone left it).
            case abandoned
        }

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
