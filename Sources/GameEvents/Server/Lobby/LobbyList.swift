/// `lobby:list` payload from the server: a page of public lobbies and the cursor of the next page.
public struct LobbyList: Equatable, Sendable {
    /// The lobbies on this page.
    public var lobbies: [LobbySummary]
    /// The `cursor` that asks for the next page; absent on the last page.
    public var nextCursor: String?

    /// A page of lobbies.
    public init(lobbies: [LobbySummary], nextCursor: String? = nil) {
        self.lobbies = lobbies
        self.nextCursor = nextCursor
    }
}

extension LobbyList: WirePayload {
    init(reading payload: PayloadReader) throws(EventDecodingError) {
        lobbies = try payload.objects("lobbies") { (object) throws(EventDecodingError) in
            try LobbySummary(reading: object)
        }
        nextCursor = try payload.stringIfPresent("nextCursor", requirement: LobbyListQuery.cursorRequirement,
                                                 LobbyListQuery.isValidCursor)
    }

    func write(to writer: inout JSONWriter) {
        writer.writeArray("lobbies", of: lobbies)
        writer.member("nextCursor", ifPresent: nextCursor)
    }
}
