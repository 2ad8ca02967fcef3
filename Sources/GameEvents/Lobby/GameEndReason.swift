/// How a game ended: `game:end` `reason`, and `result.reason` in a `finished` lobby.
public enum GameEndReason: String, Sendable, CaseIterable {
    /// A player reached `pointsToWin`.
    case score
    /// A player left or was removed during the game and lost by forfeit.
    case forfeit
    /// The game stopped without a winner (every opponent gone).
    case abandoned
}
