/// Why a game paused (`game:pause` `reason`).
public enum GamePauseReason: String, Sendable, CaseIterable {
    /// A player's last connection dropped; they lose by forfeit unless they are back by `forfeitAt`.
    case disconnected
}
