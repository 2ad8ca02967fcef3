/// The classes of client request that are limited separately, so a flood of one (chat) cannot use up the
/// allowance of another (game input). The raw value is the name used in `RATE_LIMITS`.
enum RateLimitKind: String, Sendable, CaseIterable {
    /// Chat messages.
    case chat
    /// Game inputs (moves, actions): the high-rate kind.
    case gameInput
    /// Joining or leaving a lobby or room.
    case roomJoin
    /// Presence and status updates.
    case presence
    /// Everything else.
    case other
}
