/// `lobby:list` payload: `{"gameType"?: "pong", "hasSpace"?: bool, "state"?: state, "cursor"?: string,
/// "limit"?: 1-50}`. Lists public lobbies only; `cursor` is the `nextCursor` of the previous page.
public struct LobbyListQuery: Equatable, Sendable {
    /// The allowed page sizes.
    public static let limitRange = 1...50
    /// The page size when the client gives none.
    public static let defaultLimit = 20
    /// The longest cursor, in Unicode scalars.
    public static let maxCursorLength = 64

    /// Only lobbies for this game.
    public let gameType: GameType?
    /// `true`: only lobbies with a free seat; `false`: only full ones.
    public let hasSpace: Bool?
    /// Only lobbies in this state.
    public let state: LobbyPhase?
    /// Where the page starts: an opaque `nextCursor` from the server.
    public let cursor: String?
    /// The most lobbies to return, within ``limitRange``.
    public let limit: Int

    /// A query; refuses a `limit` outside ``limitRange`` (field `payload.limit`) and a cursor that is not 1 to
    /// ``maxCursorLength`` characters without whitespace or control characters (field `payload.cursor`).
    public init(gameType: GameType? = nil, hasSpace: Bool? = nil, state: LobbyPhase? = nil, cursor: String? = nil,
                limit: Int = defaultLimit) throws(EventDecodingError) {
        guard Self.limitRange.contains(limit) else {
            throw .invalidPayload("payload.limit", PayloadReader.integerRequirement(Self.limitBounds))
        }
        if let cursor, !Self.isValidCursor(cursor) {
            throw .invalidPayload("payload.cursor", "must be \(Self.cursorRequirement)")
        }
        self.gameType = gameType
        self.hasSpace = hasSpace
        self.state = state
        self.cursor = cursor
        self.limit = limit
    }

    /// Cursors follow the identifier rule (1-64 characters, no whitespace or control characters).
    static func isValidCursor(_ cursor: String) -> Bool { IdentifierSyntax.isValid(cursor) }

    /// How the cursor rule is explained.
    static let cursorRequirement = "a nextCursor from lobby:list (1-64 characters without whitespace or control "
        + "characters)"

    /// ``limitRange`` as `Int64`, for the reader.
    static let limitBounds = Int64(limitRange.lowerBound)...Int64(limitRange.upperBound)
}

extension LobbyListQuery: WirePayload {
    init(reading payload: PayloadReader) throws(EventDecodingError) {
        let gameType = try payload.enumerationIfPresent("gameType", as: GameType.self)
        let hasSpace = try payload.boolIfPresent("hasSpace")
        let state = try payload.enumerationIfPresent("state", as: LobbyPhase.self)
        let cursor = try payload.stringIfPresent("cursor", requirement: Self.cursorRequirement, Self.isValidCursor)
        let limit = try payload.integerIfPresent("limit", in: Self.limitBounds)
        try self.init(gameType: gameType, hasSpace: hasSpace, state: state, cursor: cursor,
                      limit: limit.map { Int($0) } ?? Self.defaultLimit)
    }

    func write(to writer: inout JSONWriter) {
        writer.member("gameType", ifPresent: gameType?.rawValue)
        if let hasSpace { writer.member("hasSpace", hasSpace) }
        writer.member("state", ifPresent: state?.rawValue)
        writer.member("cursor", ifPresent: cursor)
        writer.member("limit", Int64(limit))
    }
}
