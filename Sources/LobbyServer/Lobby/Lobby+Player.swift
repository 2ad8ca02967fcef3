import GameEvents

/// A member of a lobby.
extension Lobby {
    /// A member of a lobby. Membership belongs to the user, not to a connection: a player whose last connection
    /// dropped stays seated (`connected == false`) until the disconnect grace period ends.
    struct Player: Equatable, Sendable {
        /// Who the player is.
        let userId: UserID
        /// The display name at the time they joined.
        var username: String
        /// Whether the player is ready for the game to start.
        var ready: Bool
        /// False during the disconnect grace period.
        var connected: Bool
        /// When the player's last connection dropped (wall-clock milliseconds), while disconnected.
        var disconnectedAt: Int64?
        /// The player's options (paddle colour), unique among the lobby's players.
        var customization: Customization
        /// When the player joined (wall-clock milliseconds).
        let joinedAt: Int64

        /// A connected, not-ready player who joined at `now`.
        init(userId: UserID, username: String, customization: Customization, joinedAt now: Int64) {
            self.userId = userId
            self.username = username
            self.ready = false
            self.connected = true
            self.disconnectedAt = nil
            self.customization = customization
            self.joinedAt = now
        }
    }
}
