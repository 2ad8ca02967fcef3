/// Why a player is no longer in a lobby: `lobby:left` (to the player) and `lobby:player:leave` (to the others).
public enum LobbyLeaveReason: String, Sendable, CaseIterable {
    /// The player sent `lobby:leave`.
    case left
    /// The player's last connection closed and the disconnect grace period ended.
    case disconnected
    /// The server removed the player.
    case kicked
    /// The lobby was closed.
    case closed
}
