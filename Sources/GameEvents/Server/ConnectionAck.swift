/// `connection.ack` payload: the first frame of an accepted connection.
public struct ConnectionAck: Equatable, Sendable {
    /// This connection's id, unique within the cluster (for logs and support).
    public var connectionId: String
    /// The authenticated user (the token's `sub`).
    public var userId: UserID
    /// The user's display name (the token's `username`).
    public var username: String
    /// The user's role.
    public var role: UserRole
    /// The id of the server node holding the connection.
    public var serverId: String
    /// How long a connection may be silent before the server pings it, in milliseconds.
    public var heartbeatIntervalMs: Int64
    /// The server's clock, in milliseconds since the epoch.
    public var serverTime: Int64
    /// The token a new connection sends in `session.resume` to take this connection's session back after losing
    /// it (docs/protocol.md, "Resuming a session"). Optional: servers without resumption omit it.
    public var resumeToken: String?

    /// An acknowledgement with every field given.
    public init(connectionId: String, userId: UserID, username: String, role: UserRole, serverId: String,
                heartbeatIntervalMs: Int64, serverTime: Int64, resumeToken: String? = nil) {
        self.connectionId = connectionId
        self.userId = userId
        self.username = username
        self.role = role
        self.serverId = serverId
        self.heartbeatIntervalMs = heartbeatIntervalMs
        self.serverTime = serverTime
        self.resumeToken = resumeToken
    }
}

extension ConnectionAck: WirePayload {
    init(reading payload: PayloadReader) throws(EventDecodingError) {
        connectionId = try payload.string("connectionId")
        userId = try payload.userID("userId")
        username = try payload.string("username")
        role = try payload.enumeration("role")
        serverId = try payload.string("serverId")
        heartbeatIntervalMs = try payload.integer("heartbeatIntervalMs", in: 1...Int64.max)
        serverTime = try payload.integer("serverTime")
        resumeToken = try payload.stringIfPresent("resumeToken")
    }

    func write(to writer: inout JSONWriter) {
        writer.member("connectionId", connectionId)
        writer.member("userId", userId.rawValue)
        writer.member("username", username)
        writer.member("role", role.rawValue)
        writer.member("serverId", serverId)
        writer.member("heartbeatIntervalMs", heartbeatIntervalMs)
        writer.member("serverTime", serverTime)
        writer.member("resumeToken", ifPresent: resumeToken)
    }
}
