/// `lobby:invitation` payload: someone invited you to their lobby; answer with `lobby:accept` or `lobby:decline`
/// before `expiresAt`.
public struct LobbyInvitation: Equatable, Sendable {
    /// The invitation.
    public var invitationId: InvitationID
    /// The lobby.
    public var lobbyId: LobbyID
    /// The lobby's name.
    public var lobbyName: String
    /// Who invited you.
    public var from: UserSummary
    /// When the invitation lapses, in milliseconds since the epoch.
    public var expiresAt: Int64

    /// An invitation with every field given.
    public init(invitationId: InvitationID, lobbyId: LobbyID, lobbyName: String, from: UserSummary, expiresAt: Int64) {
        self.invitationId = invitationId
        self.lobbyId = lobbyId
        self.lobbyName = lobbyName
        self.from = from
        self.expiresAt = expiresAt
    }
}

extension LobbyInvitation: WirePayload {
    init(reading payload: PayloadReader) throws(EventDecodingError) {
        invitationId = try payload.invitationID("invitationId")
        lobbyId = try payload.lobbyID("lobbyId")
        lobbyName = try payload.string("lobbyName")
        from = try UserSummary(reading: payload.object("from"))
        expiresAt = try payload.integer("expiresAt")
    }

    func write(to writer: inout JSONWriter) {
        writer.member("invitationId", invitationId.rawValue)
        writer.member("lobbyId", lobbyId.rawValue)
        writer.member("lobbyName", lobbyName)
        writer.writeObject("from", from)
        writer.member("expiresAt", expiresAt)
    }
}
