/// The lobby life cycle (the diagram is on ``LobbyStateMachine``).
extension Lobby {
    /// Where a lobby is in its life cycle. Raw values are the wire names.
    enum State: String, Equatable, Hashable, Sendable, CaseIterable {
        /// Players gather, customize and get ready.
        case waiting
        /// Everyone is ready; the game starts at `countdownEndsAt` unless someone un-readies, leaves or tries to join.
        case countdown
        /// A game is running.
        case inGame = "in_game"
        /// The game ended; `result` holds how. Getting ready again starts a rematch (back to `waiting`).
        case finished
        /// Terminal: the host closed the lobby or the last player left.
        case closed
    }
}
