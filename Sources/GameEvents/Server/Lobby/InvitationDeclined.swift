/// `lobby:invitation:declined` payload: `{"invitationId", "by"}`, an invitation was declined; sent to the inviter
/// and to the user who declined.
public struct InvitationDeclined: Equatable, Sendable {
    /// The invitation.
    public var invitationId: InvitationID
    /// The user who declined it.
    public var by: UserID

    /// A declined invitation.
    public init(invitationId: InvitationID, by: UserID) {
        self.invitationId = invitationId
        self.by = by
    }
}

extension InvitationDeclined: WirePayload {
    init(reading payload: PayloadReader) throws(EventDecodingError) {
        invitationId = try payload.invitationID("invitationId")
        by = try payload.userID("by")
    }

    func write(to writer: inout JSONWriter) {
        writer.member("invitationId", invitationId.rawValue)
        writer.member("by", by.rawValue)
    }
}
