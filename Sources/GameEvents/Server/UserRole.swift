/// What a user may do, from the `role` claim of their token (docs/protocol.md, "Connecting").
public enum UserRole: String, Sendable, CaseIterable {
    /// An ordinary player (the default when the token has no `role`).
    case player
    /// Runs tournaments and lobbies.
    case runner
    /// Operator: may moderate and administer.
    case admin
}
