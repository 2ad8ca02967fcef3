/// `chat:history` payload: `{"with": userId, "before"?: messageId, "after"?: messageId, "limit"?: 1-100}`.
///
/// At most one of `before` and `after`: with neither, the newest `limit` messages; with `before`, the `limit`
/// messages just older than it; with `after`, the `limit` messages just newer. Results come oldest first.
public struct HistoryQuery: Equatable, Sendable {
    /// The allowed page sizes.
    public static let limitRange = 1...100
    /// The page size when the client gives none.
    public static let defaultLimit = 50

    /// The other side of the conversation.
    public let with: UserID
    /// Only messages older than this one.
    public let before: MessageID?
    /// Only messages newer than this one.
    public let after: MessageID?
    /// The most messages to return, within ``limitRange``.
    public let limit: Int

    /// A query; refuses a `limit` outside ``limitRange`` and giving both `before` and `after` (`invalid_payload`).
    public init(with: UserID, before: MessageID? = nil, after: MessageID? = nil, limit: Int = defaultLimit)
        throws(EventDecodingError)
    {
        guard Self.limitRange.contains(limit) else {
            throw .invalidPayload("payload.limit", PayloadReader.integerRequirement(Self.limitBounds))
        }
        if before != nil && after != nil {
            throw .invalidPayload("payload.after", "cannot be combined with payload.before")
        }
        self.with = with
        self.before = before
        self.after = after
        self.limit = limit
    }

    /// ``limitRange`` as `Int64`, for the reader.
    static let limitBounds = Int64(limitRange.lowerBound)...Int64(limitRange.upperBound)
}

extension HistoryQuery: WirePayload {
    init(reading payload: PayloadReader) throws(EventDecodingError) {
        let with = try payload.userID("with")
        let before = try payload.messageIDIfPresent("before")
        let after = try payload.messageIDIfPresent("after")
        let limit = try payload.integerIfPresent("limit", in: Self.limitBounds)
        try self.init(with: with, before: before, after: after, limit: limit.map { Int($0) } ?? Self.defaultLimit)
    }

    func write(to writer: inout JSONWriter) {
        writer.member("with", with.rawValue)
        writer.member("before", ifPresent: before?.rawValue)
        writer.member("after", ifPresent: after?.rawValue)
        writer.member("limit", Int64(limit))
    }
}
