/// `session.resume` payload: `{"resumeToken": string, "lastChatId"?: messageId, "lastLobbyVersion"?: integer}`,
/// the first message on a new connection of a client that lost its previous one (docs/protocol.md, "Resuming a
/// session").
public struct ResumeSession: Equatable, Sendable {
    /// The longest token accepted, in bytes (the server's tokens are much shorter).
    public static let maxTokenLength = 512

    /// The `resumeToken` of the previous connection's `connection.ack`.
    public let resumeToken: String
    /// The newest lobby chat message the client has, if any.
    public let lastChatId: MessageID?
    /// The `version` of the newest lobby state the client has, if any.
    public let lastLobbyVersion: Int64?

    /// A resume request; refuses a token that is not 1 to ``maxTokenLength`` printable ASCII characters (field
    /// `payload.resumeToken`) and a version below 1 (field `payload.lastLobbyVersion`).
    public init(resumeToken: String, lastChatId: MessageID? = nil, lastLobbyVersion: Int64? = nil)
        throws(EventDecodingError)
    {
        guard Self.isValidToken(resumeToken) else {
            throw .invalidPayload("payload.resumeToken", Self.tokenRequirement)
        }
        if let lastLobbyVersion, lastLobbyVersion < 1 {
            throw .invalidPayload("payload.lastLobbyVersion", PayloadReader.integerRequirement(1...Int64.max))
        }
        self.resumeToken = resumeToken
        self.lastChatId = lastChatId
        self.lastLobbyVersion = lastLobbyVersion
    }

    /// Whether `token` is 1 to ``maxTokenLength`` printable ASCII characters (U+0021-U+007E).
    static func isValidToken(_ token: String) -> Bool {
        let utf8 = token.utf8
        return !utf8.isEmpty && utf8.count <= maxTokenLength && utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F }
    }

    /// How the token rule is explained.
    static let tokenRequirement = "must be the resumeToken of a connection.ack (1-\(maxTokenLength) printable ASCII "
        + "characters)"
}

extension ResumeSession: WirePayload {
    init(reading payload: PayloadReader) throws(EventDecodingError) {
        let token = try payload.string("resumeToken")
        let lastChatId = try payload.messageIDIfPresent("lastChatId")
        let lastLobbyVersion = try payload.integerIfPresent("lastLobbyVersion", in: 1...Int64.max)
        try self.init(resumeToken: token, lastChatId: lastChatId, lastLobbyVersion: lastLobbyVersion)
    }

    func write(to writer: inout JSONWriter) {
        writer.member("resumeToken", resumeToken)
        writer.member("lastChatId", ifPresent: lastChatId?.rawValue)
        writer.member("lastLobbyVersion", ifPresent: lastLobbyVersion)
    }
}
