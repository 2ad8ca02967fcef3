/// `lobby:list`: public lobbies, filtered, in creation order, a page at a time.
extension LobbyDirectory {
    /// The allowed page sizes.
    static var limitRange: ClosedRange<Int> { 1...50 }
    /// The page size when the client does not choose.
    static var defaultLimit: Int { 20 }

    /// Up to `limit` public lobbies created after `cursor` (from the start without one) that match every filter
    /// given: `gameType`, `hasSpace` (true: a seat is free; false: full), `state`. The page's `nextCursor` is
    /// set only when another matching lobby follows.
    ///
    /// - Throws: `invalid_payload` for `payload.cursor` (not one this server made) or `payload.limit` (outside
    ///   1-50).
    func list(
        gameType: Lobby.GameType? = nil, hasSpace: Bool? = nil, state: Lobby.State? = nil, cursor: String? = nil,
        limit: Int = defaultLimit
    ) throws(LobbyRejection) -> LobbyPage {
        guard Self.limitRange.contains(limit) else {
            throw .invalid(field: "payload.limit", reason: .invalidLimit, problem: "must be an integer from 1 to 50")
        }
        var after: UInt64 = 0
        if let cursor {
            guard let decoded = LobbyListCursor(encoded: cursor) else {
                throw .invalid(
                    field: "payload.cursor", reason: .invalidCursor,
                    problem: "must be a nextCursor from an earlier lobby:list")
            }
            after = decoded.serial
        }
        var page: [Lobby] = []
        var lastSerial: UInt64 = 0
        for (serial, id) in listed[listedIndex(after: after)...] {
            guard let lobby = entries[id]?.machine.lobby else { continue }
            if let gameType, lobby.gameType != gameType { continue }
            if let hasSpace, lobby.isFull == hasSpace { continue }
            if let state, lobby.state != state { continue }
            // One match beyond a full page proves there is a next page.
            if page.count == limit {
                return LobbyPage(lobbies: page, nextCursor: LobbyListCursor(serial: lastSerial).encoded)
            }
            page.append(lobby)
            lastSerial = serial
        }
        return LobbyPage(lobbies: page, nextCursor: nil)
    }
}
