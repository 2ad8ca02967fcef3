/// Which connection is what in the game scenario. Room `r` holds connections `r * perRoom ..< (r + 1) * perRoom`:
/// member 0 is the player who creates the lobby, member 1 the player who joins it, members 2... watch the game with
/// `game:spectate`. User names are `PREFIX-ROOM-MEMBER`, where the prefix is new for every run, so a rerun against
/// the same server never finds its users still seated in an earlier run's lobby or game.
struct GameLayout {
    /// Number of rooms (lobbies, then games).
    let rooms: Int
    /// Spectator connections per room.
    let spectators: Int

    /// Players per room (Pong: two).
    static let players = 2

    /// Connections per room.
    var perRoom: Int { Self.players + spectators }

    /// Connections in all.
    var connections: Int { rooms * perRoom }

    /// Player connections in all.
    var playerCount: Int { rooms * Self.players }

    /// The room of connection `index`.
    @inline(__always)
    func room(of index: Int) -> Int { index / perRoom }

    /// The place of connection `index` in its room (0 creates the lobby, 1 joins, 2... spectate).
    @inline(__always)
    func member(of index: Int) -> Int { index % perRoom }

    /// Whether connection `index` plays (rather than watches).
    @inline(__always)
    func isPlayer(_ index: Int) -> Bool { member(of: index) < Self.players }

    /// The connection of `member` in `room`.
    @inline(__always)
    func connection(room: Int, member: Int) -> Int { room * perRoom + member }

    /// A player's position among all players (`room * 2 + member`), for per-player tables.
    @inline(__always)
    func playerSlot(_ index: Int) -> Int { room(of: index) * Self.players + member(of: index) }

    /// The user (JWT `sub` and `username`) of connection `index`; at most 32 characters for a prefix of 8.
    func user(of index: Int, prefix: String) -> String { "\(prefix)-\(room(of: index))-\(member(of: index))" }
}
