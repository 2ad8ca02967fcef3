/// A player in a lobby: an element of a lobby's `players`, and `lobby:player:join`'s `player`.
public struct LobbyPlayer: Equatable, Sendable {
    /// The player.
    public var userId: UserID
    /// Their display name.
    public var username: String
    /// Whether they are ready to play.
    public var ready: Bool
    /// False while the player has no open connection (during the disconnect grace period).
    public var connected: Bool
    /// Their options (paddle colour).
    public var customization: PlayerCustomization
    /// When they joined, in milliseconds since the epoch.
    public var joinedAt: Int64
    /// How many lobby chat messages are newer than this player's read marker, when the state was sent.
    public var unread: Int

    /// A player with every field given.
    public init(userId: UserID, username: String, ready: Bool, connected: Bool, customization: PlayerCustomization,
                joinedAt: Int64, unread: Int) {
        self.userId = userId
        self.username = username
        self.ready = ready
        self.connected = connected
        self.customization = customization
        self.joinedAt = joinedAt
        self.unread = unread
    }
}

extension LobbyPlayer: WirePayload {
    init(reading payload: PayloadReader) throws(EventDecodingError) {
        userId = try payload.userID("userId")
        username = try payload.string("username")
        ready = try payload.bool("ready")
        connected = try payload.bool("connected")
        customization = try PlayerCustomization(reading: payload.object("customization"))
        joinedAt = try payload.integer("joinedAt")
        unread = Int(try payload.integer("unread", in: 0...Int64.max))
    }

    func write(to writer: inout JSONWriter) {
        writer.member("userId", userId.rawValue)
        writer.member("username", username)
        writer.member("ready", ready)
        writer.member("connected", connected)
        writer.writeObject("customization", customization)
        writer.member("joinedAt", joinedAt)
        writer.member("unread", Int64(unread))
    }
}
