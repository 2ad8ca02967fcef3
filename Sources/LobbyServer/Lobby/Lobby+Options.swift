/// The validated options of `lobby:create`.
extension Lobby {
    /// What a creator chose, validated: only valid options exist. Absent fields take the documented defaults.
    struct Options: Equatable, Sendable {
        /// The allowed length of a name, in Unicode scalars, after sanitizing.
        static let nameLengthRange = 1...48
        /// The allowed values of `maxPlayers`.
        static let maxPlayersRange = 2...8
        /// `maxPlayers` when the creator does not choose.
        static let defaultMaxPlayers = 2

        /// The sanitized name (see ``sanitizeName(_:)``).
        let name: String
        /// The game.
        let gameType: GameType
        /// The number of seats.
        let maxPlayers: Int
        /// Whether the lobby is private (unlisted, joinable by invitation only).
        let isPrivate: Bool
        /// The game settings.
        let settings: Settings

        /// Validates every field of `lobby:create`; nil means absent (the default applies).
        ///
        /// - Throws: `invalid_payload` naming the first bad field: `payload.name` (reason `invalid_name`, empty
        ///   after sanitizing or over 48 scalars), `payload.gameType` (`invalid_game_type`, anything but "pong"),
        ///   `payload.maxPlayers` (`invalid_max_players`, outside 2-8), `payload.settings.pointsToWin`
        ///   (`invalid_points_to_win`, outside 1-21).
        init(
            name: String, gameType: String? = nil, maxPlayers: Int? = nil, isPrivate: Bool? = nil,
            pointsToWin: Int? = nil
        ) throws(LobbyRejection) {
            let clean = Self.sanitizeName(name)
            let length = clean.unicodeScalars.count
            guard Self.nameLengthRange.contains(length) else {
                throw .invalid(
                    field: "payload.name", reason: .invalidName,
                    problem: length == 0
                        ? "must not be empty (after removing control characters and surrounding whitespace)"
                        : "must be at most \(Self.nameLengthRange.upperBound) characters (Unicode scalars)")
            }
            let type = gameType.map { GameType(rawValue: $0) } ?? .pong
            guard let type else {
                throw .invalid(field: "payload.gameType", reason: .invalidGameType, problem: "must be \"pong\"")
            }
            let seats = maxPlayers ?? Self.defaultMaxPlayers
            guard Self.maxPlayersRange.contains(seats) else {
                throw .invalid(
                    field: "payload.maxPlayers", reason: .invalidMaxPlayers,
                    problem: "must be an integer from 2 to 8")
            }
            let points = pointsToWin ?? Settings.defaultPointsToWin
            guard Settings.pointsToWinRange.contains(points) else {
                throw .invalid(
                    field: "payload.settings.pointsToWin", reason: .invalidPointsToWin,
                    problem: "must be an integer from 1 to 21")
            }
            self.name = clean
            self.gameType = type
            self.maxPlayers = seats
            self.isPrivate = isPrivate ?? false
            self.settings = Settings(pointsToWin: points)
        }

        /// `name` without control characters (Unicode Cc, U+0000-U+001F and U+007F-U+009F, including tab and
        /// line feed: a name is one line), then without leading and trailing whitespace (Unicode White_Space).
        static func sanitizeName(_ name: String) -> String {
            var kept = String.UnicodeScalarView()
            kept.append(contentsOf: name.unicodeScalars.lazy.filter { !isControl($0) })
            guard let start = kept.firstIndex(where: { !$0.properties.isWhitespace }),
                let end = kept.lastIndex(where: { !$0.properties.isWhitespace })
            else { return "" }
            return String(kept[start...end])
        }

        /// Whether `scalar` is a C0 or C1 control (or DEL).
        private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
            scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
        }
    }
}
