import GameEvents

/// Invitations to a lobby (`lobby:invite`, `lobby:accept`, `lobby:decline`).
extension Lobby {
    /// The identifier of an invitation: "i-" followed by 10 base32 characters when the server makes it. Any
    /// 1-64 scalar text is accepted from the wire (an unknown one is simply not found).
    struct InvitationID: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        /// The identifier as it appears on the wire.
        let rawValue: String

        /// The identifier `rawValue`, or nil when it is empty or longer than 64 scalars.
        init?(rawValue: String) {
            guard !rawValue.isEmpty, rawValue.unicodeScalars.count <= 64 else { return nil }
            self.rawValue = rawValue
        }

        /// The raw value.
        var description: String { rawValue }
    }

    /// An invitation from a member to another user. It stays in its lobby after it is answered or expires (so
    /// a repeated answer gets a precise error) until one more time-to-live has passed, then it is purged.
    struct Invitation: Equatable, Sendable {
        /// Where an invitation is in its life.
        enum Status: String, Equatable, Sendable, CaseIterable {
            /// Waiting for an answer.
            case pending
            /// The invitee joined (by accepting, or by joining the lobby some other way).
            case accepted
            /// The invitee declined.
            case declined
            /// Nobody answered in time.
            case expired
        }

        /// The invitation's id.
        let id: InvitationID
        /// The lobby it invites to.
        let lobbyId: LobbyID
        /// The member who invited.
        let from: UserID
        /// The invited user.
        let to: UserID
        /// When it was made (wall-clock milliseconds).
        let createdAt: Int64
        /// When it stops being valid (wall-clock milliseconds): accepting at or after this instant fails.
        let expiresAt: Int64
        /// Where it is in its life.
        var status: Status

        /// Whether it can still be answered at `now`.
        func isPending(at now: Int64) -> Bool {
            status == .pending && now < expiresAt
        }
    }
}
