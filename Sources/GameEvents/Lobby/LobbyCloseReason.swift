/// Why a lobby was closed: `lobby:closed`.
public enum LobbyCloseReason: String, Sendable, CaseIterable {
    /// The host sent `lobby:close`.
    case hostClosed = "host_closed"
    /// The last player left (or was removed after the disconnect grace period).
    case empty
}
