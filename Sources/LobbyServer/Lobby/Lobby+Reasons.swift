/// Why players leave and lobbies close.
extension Lobby {
    /// Why a player left. Raw values are the wire names of `lobby:player:leave`'s `reason`.
    enum LeaveReason: String, Equatable, Sendable, CaseIterable {
        /// The player asked to leave.
        case left
        /// The player's disconnect grace period ended.
        case disconnected
        /// The server removed the player.
        case kicked
    }

    /// Why a lobby closed. Raw values are the wire names of `lobby:closed`'s `reason`.
    enum CloseReason: String, Equatable, Sendable, CaseIterable {
        /// The host closed it.
        case hostClosed = "host_closed"
        /// The last player left.
        case empty
    }
}
