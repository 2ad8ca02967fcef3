/// Why a session cannot be resumed: `session.expired`'s `reason`.
public enum SessionExpiredReason: String, Sendable, CaseIterable {
    /// The disconnect grace period ended: the lobby seat is gone.
    case graceExpired = "grace_expired"
    /// The server does not know the token (never issued, issued to another user, already used, or issued before
    /// a restart).
    case unknownToken = "unknown_token"
}
