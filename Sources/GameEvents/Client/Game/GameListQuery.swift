/// `game:list` payload: `{"cursor"?: string, "limit"?: 1-50}`. Lists the live games the user may watch;
/// `cursor` is the `nextCursor` of the previous page.
public struct GameListQuery: Equatable, Sendable {
    /// The allowed page sizes.
    public static let limitRange = 1...50
    /// The page size when the client gives none.
    public static let defaultLimit = 20

    /// Where the page starts: an opaque `nextCursor` from the server.
    public let cursor: String?
    /// The most games to return, within ``limitRange``.
    public let limit: Int

    /// A query; refuses a `limit` outside ``limitRange`` (field `payload.limit`) and a cursor that is not 1 to 64
    /// characters without whitespace or control characters (field `payload.cursor`).
    public init(cursor: String? = nil, limit: Int = defaultLimit) throws(EventDecodingError) {
        guard Self.limitRange.contains(limit) else {
            throw .invalidPayload("payload.limit", PayloadReader.integerRequirement(Self.limitBounds))
        }
        if let cursor, !Self.isValidCursor(cursor) {
            throw .invalidPayload("payload.cursor", "must be \(Self.cursorRequirement)")
        }
        self.cursor = cursor
        self.limit = limit
    }

    /// Cursors follow the identifier rule (1-64 characters, no whitespace or control characters).
    static func isValidCursor(_ cursor: String) -> Bool { IdentifierSyntax.isValid(cursor) }

    /// How the cursor rule is explained.
    static let cursorRequirement = "a nextCursor from game:list (1-64 characters without whitespace or control "
        + "characters)"

    /// ``limitRange`` as `Int64`, for the reader.
    static let limitBounds = Int64(limitRange.lowerBound)...Int64(limitRange.upperBound)
}

extension GameListQuery: WirePayload {
    init(reading payload: PayloadReader) throws(EventDecodingError) {
        let cursor = try payload.stringIfPresent("cursor", requirement: Self.cursorRequirement, Self.isValidCursor)
        let limit = try payload.integerIfPresent("limit", in: Self.limitBounds)
        try self.init(cursor: cursor, limit: limit.map { Int($0) } ?? Self.defaultLimit)
    }

    func write(to writer: inout JSONWriter) {
        writer.member("cursor", ifPresent: cursor)
        writer.member("limit", Int64(limit))
    }
}
