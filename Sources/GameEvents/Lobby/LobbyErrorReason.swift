/// The `reason` values of `system.error` answers to lobby requests (docs/protocol.md, "Lobbies"): a
/// machine-readable detail under `conflict`, `forbidden` and `not_found`, so clients can react without parsing
/// `message`.
///
/// `SystemError.reason` is a plain string so that clients keep working when reasons are added; this is the set
/// the server sends today, and the protocol page lists exactly these.
public enum LobbyErrorReason: String, Sendable, CaseIterable {
    /// `conflict`: the lobby already has `maxPlayers` players.
    case lobbyFull = "lobby_full"
    /// `forbidden`: the lobby is private and there is no pending invitation for this user.
    case privateLobby = "private_lobby"
    /// `conflict`: the user is already in this lobby (joining it again, or being invited to it).
    case alreadyMember = "already_member"
    /// `conflict`: the user is in another lobby and must leave it first.
    case inAnotherLobby = "in_another_lobby"
    /// `conflict`: the request needs a lobby and the user is in none.
    case notInLobby = "not_in_lobby"
    /// `not_found`: no open lobby has this id.
    case lobbyNotFound = "lobby_not_found"
    /// `forbidden`: only the host may do this.
    case notHost = "not_host"
    /// `conflict`: `lobby:start` with fewer than two players or someone not ready.
    case notReady = "not_ready"
    /// `conflict`: not allowed in the lobby's current state (the message names the state).
    case wrongState = "wrong_state"
    /// `conflict`: another player in the lobby already uses this paddle colour.
    case colorTaken = "color_taken"
    /// `conflict`: the user already has a pending invitation to this lobby.
    case alreadyInvited = "already_invited"
    /// `conflict`: the lobby has as many pending invitations as it may hold.
    case tooManyInvitations = "too_many_invitations"
    /// `not_found`: no invitation with this id for this user.
    case invitationNotFound = "invitation_not_found"
    /// `conflict`: the invitation's `expiresAt` has passed.
    case invitationExpired = "invitation_expired"
    /// `conflict`: the invitation was already accepted or declined.
    case invitationAnswered = "invitation_answered"
}
