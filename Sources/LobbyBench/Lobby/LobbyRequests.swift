/// The client messages of the lobby scenario (docs/protocol.md, "Lobbies" and "Lobby chat"). Request ids say what
/// they were for, so an error's `replyTo` can be traced back: `c<lobby>` create, `j<connection>` join,
/// `x<connection>` leave, `h<lobby>.<page>` history, `<run tag>-<seq>` chat (unique per message: it is the
/// idempotency key).
enum LobbyRequests {
    /// Messages per history page (the protocol's largest `limit`).
    static let historyPageSize = 100

    /// `lobby:create` for `lobby`, with room for `maxPlayers`.
    static func create(lobby: Int, maxPlayers: Int) -> [UInt8] {
        let payload = #"{"name":"bench \#(lobby)","maxPlayers":\#(maxPlayers)}"#
        return Array(#"{"type":"lobby:create","payload":\#(payload),"id":"c\#(lobby)"}"#.utf8)
    }

    /// `lobby:join` of `lobbyId` by connection `index`.
    static func join(lobbyId: String, index: Int) -> [UInt8] {
        Array(#"{"type":"lobby:join","payload":{"lobbyId":\#(JSONObject.quoted(lobbyId))},"id":"j\#(index)"}"#.utf8)
    }

    /// `lobby:leave` by connection `index` (out of a lobby left over from an earlier run).
    static func leave(index: Int) -> [UInt8] { Array(#"{"type":"lobby:leave","id":"x\#(index)"}"#.utf8) }

    /// `lobby:chat:history`, newest page first: the newest `historyPageSize` messages, or those older than
    /// `before`.
    static func history(lobby: Int, page: Int, before: Int64?) -> [UInt8] {
        let cursor = before.map { #","before":\#($0)"# } ?? ""
        let payload = #"{"limit":\#(historyPageSize)\#(cursor)}"#
        return Array(#"{"type":"lobby:chat:history","payload":\#(payload),"id":"h\#(lobby).\#(page)"}"#.utf8)
    }

    /// The chat message every player sends, for ``MessageTemplates``: the marker ends the text and the envelope
    /// `id` is `<runTag>-<seq>` (no `T` before digits, so the `replyTo` on the sender's copy is not a second
    /// marker). About 100 bytes; the server's delivery is about 230.
    static func chatTemplate(runTag: String) -> String {
        #"{"type":"lobby:chat","payload":{"text":"gg, ready for the next round? {mark}"},"id":"\#(runTag)-{seq}"}"#
    }

    /// What a request id was for.
    enum Purpose: Equatable {
        /// `lobby:create` of this lobby.
        case create(lobby: Int)
        /// `lobby:join` by this connection.
        case join(connection: Int)
        /// `lobby:leave` by this connection.
        case leave(connection: Int)
        /// `lobby:chat:history` of this lobby.
        case history(lobby: Int)
        /// A chat message (or anything else we did not send).
        case chat
    }

    /// The purpose of the request `id` names.
    static func purpose(of id: String?) -> Purpose {
        guard let id, let first = id.first else { return .chat }
        let rest = id.dropFirst()
        switch first {
        case "c": if let lobby = Int(rest) { return .create(lobby: lobby) }
        case "j": if let index = Int(rest) { return .join(connection: index) }
        case "x": if let index = Int(rest) { return .leave(connection: index) }
        case "h": if let lobby = Int(rest.prefix { $0 != "." }) { return .history(lobby: lobby) }
        default: break
        }
        return .chat
    }
}
