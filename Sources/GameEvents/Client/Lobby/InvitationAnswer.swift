/// `lobby:accept` and `lobby:decline` payload: `{"invitationId": "i-…"}`.
public struct InvitationAnswer: Equatable, Sendable {
    /// The invitation answered (from `lobby:invitation`).
    public var invitationId: InvitationID

    /// An answer to `invitationId`.
    public init(invitationId: InvitationID) {
        self.invitationId = invitationId
    }
}

extension InvitationAnswer: WirePayload {
    init(reading payload: PayloadReader) throws(EventDecodingError) {
        invitationId = try payload.invitationID("invitationId")
    }

    func write(to writer: inout JSONWriter) {
        writer.member("invitationId", invitationId.rawValue)
    }
}
