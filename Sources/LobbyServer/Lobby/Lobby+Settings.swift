/// What is played in a lobby and how.
extension Lobby {
    /// The games a lobby can host. Raw values are the wire names.
    enum GameType: String, Equatable, Hashable, Sendable, CaseIterable {
        /// Pong.
        case pong
    }

    /// Game settings, fixed at creation.
    struct Settings: Equatable, Sendable {
        /// The allowed values of `pointsToWin`.
        static let pointsToWinRange = 1...21
        /// `pointsToWin` when the creator does not choose.
        static let defaultPointsToWin = 5

        /// The score that wins a game (1-21).
        let pointsToWin: Int

        /// Settings with `pointsToWin`, which must already be in ``pointsToWinRange`` (``Options`` checks it).
        init(pointsToWin: Int = Settings.defaultPointsToWin) {
            precondition(Self.pointsToWinRange.contains(pointsToWin), "pointsToWin out of range")
            self.pointsToWin = pointsToWin
        }
    }
}
