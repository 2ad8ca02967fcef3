/// A user's status as their friends see it (docs/protocol.md, "Presence").
public enum PresenceStatus: String, Sendable, CaseIterable {
    /// Connected.
    case online
    /// Connected, idle (set by the client).
    case away
    /// Connected, do not disturb (set by the client).
    case busy
    /// In a lobby (`lobbyId` given; set by the server).
    case inLobby = "in_lobby"
    /// Playing (`gameId` given; set by the server).
    case inGame = "in_game"
    /// Watching a game (`gameId` given; set by the server).
    case spectating
    /// The user's last connection closed (after the grace period).
    case offline
}
