/// `lobby:chat:history` payload: `{"before"?: messageId, "after"?: messageId, "limit"?: 1-100}`, a page of the
/// chat of the lobby the sender is in.
///
/// At most one of `before` and `after`: with neither, the newest `limit` messages; with `before`, the `limit`
/// messages just older than it; with `after`, the `limit` messages just newer. Results come oldest first.
public struct LobbyHistoryQuery: Equatable, Sendable {
    /// The allowed page sizes.
    public static let limitRange = HistoryQuery.limitRange
    /// The page size when the client gives none.
    public static let defaultLimit = HistoryQuery.defaultLimit

    /// Only messages older than this one.
    public let before: MessageID?
    /// Only messages newer than this one.
    public let after: MessageID?
    /// The most messages to return, within ``limitRange``.
    public let limit: Int

    /// A query; refuses a `limit` outside ``limitRange`` and giving both `before` and `after` (`invalid_payload`).
    public init(before: MessageID? = nil, after: MessageID? = nil, limit: Int = defaultLimit)
        throws(EventDecodingError)
    {
        guard Self.limitRange.contains(limit) else {
            throw .invalidPayload("payload.limit", PayloadReader.integerRequirement(HistoryQuery.limitBounds))
        }
        if before != nil && after != nil {
            throw .invalidPayload("payload.after", "cannot be combined with payload.before")
        }
        self.before = before
        self.after = after
        self.limit = limit
    }
}

extension LobbyHistoryQuery: WirePayload {
    init(reading payload: PayloadReader) throws(EventDecodingError) {
        let before = try payload.messageIDIfPresent("before")
        let after = try payload.messageIDIfPresent("after")
        let limit = try payload.integerIfPresent("limit", in: HistoryQuery.limitBounds)
        try self.init(before: before, after: after, limit: limit.map { Int($0) } ?? Self.defaultLimit)
    }

    func write(to writer: inout JSONWriter) {
        writer.member("before", ifPresent: before?.rawValue)
        writer.member("after", ifPresent: after?.rawValue)
        writer.member("limit", Int64(limit))
    }
}
