/// `lobby:create` payload: `{"name": string, "gameType"?: "pong", "maxPlayers"?: 2-8, "private"?: bool,
/// "settings"?: {"pointsToWin"?: 1-21}}`. Absent members take their defaults (pong, 2 players, public, 5 points).
public struct CreateLobby: Equatable, Sendable {
    /// The allowed lobby sizes.
    public static let maxPlayersRange = 2...8
    /// ``maxPlayers`` when the creator gives none.
    public static let defaultMaxPlayers = 2
    /// The longest name, in Unicode scalars, after sanitizing.
    public static let maxNameLength = 48

    /// The lobby's name, sanitized like message text (see `SendMessage.sanitize(_:)`): 1 to ``maxNameLength``
    /// Unicode scalars.
    public let name: String
    /// The game to play.
    public let gameType: GameType
    /// The most players the lobby holds, within ``maxPlayersRange``.
    public let maxPlayers: Int
    /// Whether only invited users may join (a private lobby is not listed).
    public let isPrivate: Bool
    /// The game settings.
    public let settings: LobbySettings

    /// A request for a lobby; `name` is sanitized first.
    ///
    /// - Throws: `invalid_payload` (field `payload.name`) when the sanitized name is empty or longer than
    ///   ``maxNameLength``, (field `payload.maxPlayers`) when `maxPlayers` is outside ``maxPlayersRange``.
    public init(name: String, gameType: GameType = .pong, maxPlayers: Int = defaultMaxPlayers, isPrivate: Bool = false,
                settings: LobbySettings = LobbySettings.standard) throws(EventDecodingError) {
        guard Self.maxPlayersRange.contains(maxPlayers) else {
            throw .invalidPayload("payload.maxPlayers", PayloadReader.integerRequirement(Self.maxPlayersBounds))
        }
        self.name = try Self.validatedName(name)
        self.gameType = gameType
        self.maxPlayers = maxPlayers
        self.isPrivate = isPrivate
        self.settings = settings
    }

    /// Sanitizes `name` and checks its length.
    static func validatedName(_ name: String) throws(EventDecodingError) -> String {
        let clean = SendMessage.sanitize(name)
        // A scalar takes at least one byte, so short names need no scalar count.
        guard !clean.isEmpty, clean.utf8.count <= maxNameLength || clean.unicodeScalars.count <= maxNameLength else {
            throw .invalidPayload("payload.name", "must be 1-\(maxNameLength) characters (after removing control "
                + "characters and surrounding whitespace)")
        }
        return clean
    }

    /// ``maxPlayersRange`` as `Int64`, for the reader.
    static let maxPlayersBounds = Int64(maxPlayersRange.lowerBound)...Int64(maxPlayersRange.upperBound)
}

extension CreateLobby: WirePayload {
    init(reading payload: PayloadReader) throws(EventDecodingError) {
        let name = try payload.string("name")
        let gameType = try payload.enumerationIfPresent("gameType", as: GameType.self)
        let maxPlayers = try payload.integerIfPresent("maxPlayers", in: Self.maxPlayersBounds)
        let isPrivate = try payload.boolIfPresent("private")
        let settings = try payload.objectIfPresent("settings").map { (object) throws(EventDecodingError) in
            try LobbySettings(reading: object)
        }
        try self.init(name: name, gameType: gameType ?? .pong, maxPlayers: maxPlayers.map { Int($0) }
                      ?? Self.defaultMaxPlayers, isPrivate: isPrivate ?? false, settings: settings ?? .standard)
    }

    func write(to writer: inout JSONWriter) {
        writer.member("name", name)
        writer.member("gameType", gameType.rawValue)
        writer.member("maxPlayers", Int64(maxPlayers))
        writer.member("private", isPrivate)
        writer.writeObject("settings", settings)
    }
}
