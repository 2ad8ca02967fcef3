/// `lobby:invite_sent` payload: `{"invitationId", "to", "expiresAt"}`, the answer to `lobby:invite`.
public struct LobbyInviteSent: Equatable, Sendable {
    /// The invitation.
    public var invitationId: InvitationID
    /// The user invited.
    public var to: UserID
    /// When the invitation lapses, in milliseconds since the epoch.
    public var expiresAt: Int64

    /// A sent invitation.
    public init(invitationId: InvitationID, to: UserID, expiresAt: Int64) {
        self.invitationId = invitationId
        self.to = to
        self.expiresAt = expiresAt
    }
}

extension LobbyInviteSent: WirePayload {
    init(reading payload: PayloadReader) throws(EventDecodingError) {
        invitationId = try payload.invitationID("invitationId")
        to = try payload.userID("to")
        expiresAt = try payload.integer("expiresAt")
    }

    func write(to writer: inout JSONWriter) {
        writer.member("invitationId", invitationId.rawValue)
        writer.member("to", to.rawValue)
        writer.member("expiresAt", expiresAt)
    }
}
