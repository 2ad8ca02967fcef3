/// The setup messages of the game scenario (docs/protocol.md, "Lobbies" and "Games"). Request ids say what they
/// were for, so an error's `replyTo` can be traced back: `c<room>` create, `j<connection>` join, `r<connection>`
/// ready, `s<connection>` spectate. `game:input` carries no id (it has no answer on success), so an error without
/// `replyTo` is an input's.
enum GameRequests {
    /// `lobby:create` for `room`: two seats, first to `pointsToWin`.
    static func create(room: Int, pointsToWin: Int) -> [UInt8] {
        let payload = #"{"name":"game \#(room)","maxPlayers":2,"settings":{"pointsToWin":\#(pointsToWin)}}"#
        return Array(#"{"type":"lobby:create","payload":\#(payload),"id":"c\#(room)"}"#.utf8)
    }

    /// `lobby:join` of `lobbyId` by connection `index`.
    static func join(lobbyId: String, index: Int) -> [UInt8] {
        Array(#"{"type":"lobby:join","payload":{"lobbyId":\#(JSONObject.quoted(lobbyId))},"id":"j\#(index)"}"#.utf8)
    }

    /// `lobby:ready` `true` by connection `index` (before the first game, and for each rematch).
    static func ready(index: Int) -> [UInt8] {
        Array(#"{"type":"lobby:ready","payload":{"ready":true},"id":"r\#(index)"}"#.utf8)
    }

    /// `game:spectate` of `gameId` by connection `index`.
    static func spectate(gameId: String, index: Int) -> [UInt8] {
        Array(#"{"type":"game:spectate","payload":{"gameId":\#(JSONObject.quoted(gameId))},"id":"s\#(index)"}"#.utf8)
    }

    /// The start of every `game:input` of one game, up to the sequence number's digits.
    static func inputPrefix(gameId: String) -> [UInt8] {
        Array(#"{"type":"game:input","payload":{"gameId":\#(JSONObject.quoted(gameId)),"seq":"#.utf8)
    }

    /// What a request id was for.
    enum Purpose: Equatable {
        /// `lobby:create` of this room.
        case create(room: Int)
        /// `lobby:join` by this connection.
        case join(connection: Int)
        /// `lobby:ready` by this connection.
        case ready(connection: Int)
        /// `game:spectate` by this connection.
        case spectate(connection: Int)
        /// No id, or one we did not send: a `game:input`.
        case input

        /// The name used in error tallies (`create:conflict`, `input:rate_limited`).
        var name: String {
            switch self {
            case .create: "create"
            case .join: "join"
            case .ready: "ready"
            case .spectate: "spectate"
            case .input: "input"
            }
        }
    }

    /// The purpose of the request `id` names.
    static func purpose(of id: String?) -> Purpose {
        guard let id, let first = id.first, let number = Int(id.dropFirst()) else { return .input }
        switch first {
        case "c": return .create(room: number)
        case "j": return .join(connection: number)
        case "r": return .ready(connection: number)
        case "s": return .spectate(connection: number)
        default: return .input
        }
    }
}
