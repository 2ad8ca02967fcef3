/// The machine-readable details of lobby rejections.
extension LobbyRejection {
    /// A stable machine-readable detail (a growing set: new failures get new values, none is renamed).
    struct Reason: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        /// The wire text.
        let rawValue: String

        /// The reason `rawValue`.
        init(rawValue: String) {
            self.rawValue = rawValue
        }

        /// The wire text.
        var description: String { rawValue }

        /// The request is not allowed in the lobby's current state (the message names it).
        static let wrongState = Reason(rawValue: "wrong_state")
        /// Every seat is taken.
        static let lobbyFull = Reason(rawValue: "lobby_full")
        /// The lobby is private and the user has no pending invitation.
        static let privateLobby = Reason(rawValue: "private_lobby")
        /// The user (or the invitee) is already a member of this lobby.
        static let alreadyMember = Reason(rawValue: "already_member")
        /// The user is not a member of this lobby.
        static let notMember = Reason(rawValue: "not_member")
        /// Only the host may do this.
        static let notHost = Reason(rawValue: "not_host")
        /// A start needs at least the minimum number of players, all ready.
        static let notReady = Reason(rawValue: "not_ready")
        /// Another player already uses this paddle colour.
        static let colorTaken = Reason(rawValue: "color_taken")
        /// The invitee already has a pending invitation to this lobby.
        static let alreadyInvited = Reason(rawValue: "already_invited")
        /// The lobby has as many pending invitations as it may.
        static let tooManyInvitations = Reason(rawValue: "too_many_invitations")
        /// The invitation's time is up.
        static let invitationExpired = Reason(rawValue: "invitation_expired")
        /// The invitation was already accepted or declined.
        static let invitationAnswered = Reason(rawValue: "invitation_answered")
        /// No such invitation for this user.
        static let invitationNotFound = Reason(rawValue: "invitation_not_found")
        /// No such lobby.
        static let lobbyNotFound = Reason(rawValue: "lobby_not_found")
        /// The user is in another lobby (one lobby per user).
        static let inAnotherLobby = Reason(rawValue: "in_another_lobby")
        /// The user is in no lobby.
        static let notInLobby = Reason(rawValue: "not_in_lobby")
        /// `payload.name` is empty after sanitizing or too long.
        static let invalidName = Reason(rawValue: "invalid_name")
        /// `payload.gameType` names no supported game.
        static let invalidGameType = Reason(rawValue: "invalid_game_type")
        /// `payload.maxPlayers` is outside 2-8.
        static let invalidMaxPlayers = Reason(rawValue: "invalid_max_players")
        /// `payload.settings.pointsToWin` is outside 1-21.
        static let invalidPointsToWin = Reason(rawValue: "invalid_points_to_win")
        /// `payload.paddleColor` is not `#RRGGBB`.
        static let invalidColor = Reason(rawValue: "invalid_color")
        /// `payload.cursor` is not a cursor this server made.
        static let invalidCursor = Reason(rawValue: "invalid_cursor")
        /// `payload.limit` is outside 1-50.
        static let invalidLimit = Reason(rawValue: "invalid_limit")
    }
}
