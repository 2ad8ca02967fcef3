/// Members that name lobby things: lobby and invitation ids.
extension PayloadReader {
    /// A lobby id member.
    func lobbyID(_ key: String) throws(EventDecodingError) -> LobbyID {
        try identifier(key, kind: "a lobby id")
    }

    /// An invitation id member (`i-…`).
    func invitationID(_ key: String) throws(EventDecodingError) -> InvitationID {
        try validated(key, requirement: InvitationID.requirement)
    }
}
