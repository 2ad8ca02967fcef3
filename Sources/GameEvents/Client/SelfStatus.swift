/// The statuses a user may set for themselves with `user:status` (the rest of ``PresenceStatus`` is the server's).
public enum SelfStatus: String, Sendable, CaseIterable {
    /// Connected and available.
    case online
    /// Connected, idle.
    case away
    /// Connected, do not disturb.
    case busy

    /// The same status as others see it.
    public var presence: PresenceStatus {
        switch self {
        case .online: return .online
        case .away: return .away
        case .busy: return .busy
        }
    }
}
