/// The state of a lobby (docs/protocol.md, "Lobby states"): `waiting` -> `countdown` -> `in_game` -> `finished`,
/// back to `waiting` for a rematch; `closed` is terminal.
public enum LobbyPhase: String, Sendable, CaseIterable {
    /// Gathering players; players get ready.
    case waiting
    /// Every player is ready: the game starts when `countdownEndsAt` passes (or the host starts it).
    case countdown
    /// The game is being played.
    case inGame = "in_game"
    /// The game is over; `result` holds its outcome until someone asks for a rematch.
    case finished
    /// Closed by its host or left by its last player; nobody is in it any more.
    case closed
}
