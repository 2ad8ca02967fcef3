/// The tunable numbers of the lobby rules; the owner fills them from configuration.
struct LobbyRules: Equatable, Sendable {
    /// The fewest players a game starts with.
    var minPlayers: Int
    /// How long the countdown lasts, in milliseconds.
    var countdownMs: Int64
    /// How long an invitation can be answered, in milliseconds. Answered and expired invitations are kept for
    /// as long again (so repeated answers get precise errors), then purged.
    var invitationTtlMs: Int64
    /// How long a disconnected player keeps their seat, in milliseconds.
    var disconnectGraceMs: Int64
    /// The most invitations a lobby may have pending at once (bounds memory; `too_many_invitations`).
    var maxPendingInvitations: Int

    /// Rules with the given values; absent ones keep the documented defaults.
    init(
        minPlayers: Int = 2, countdownMs: Int64 = 3000, invitationTtlMs: Int64 = 60_000,
        disconnectGraceMs: Int64 = 30_000, maxPendingInvitations: Int = 16
    ) {
        self.minPlayers = minPlayers
        self.countdownMs = countdownMs
        self.invitationTtlMs = invitationTtlMs
        self.disconnectGraceMs = disconnectGraceMs
        self.maxPendingInvitations = maxPendingInvitations
    }
}
