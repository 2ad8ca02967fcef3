/// Which connection is which player: connection `lobby * members + member`; member 0 of each lobby is its host
/// (creates it and pages its history), members 1... join it. User names are `bench-LOBBY-MEMBER`.
struct LobbyLayout {
    /// Number of lobbies.
    let lobbies: Int
    /// Players per lobby (the lobby's `maxPlayers`).
    let members: Int

    /// Connections in all.
    var connections: Int { lobbies * members }

    /// The lobby of connection `index`.
    @inline(__always)
    func lobby(of index: Int) -> Int { index / members }

    /// The place of connection `index` in its lobby (0 = host).
    @inline(__always)
    func member(of index: Int) -> Int { index % members }

    /// The connection of `member` in `lobby`.
    @inline(__always)
    func connection(lobby: Int, member: Int) -> Int { lobby * members + member }

    /// The user (JWT `sub` and `username`) of connection `index`.
    func user(of index: Int) -> String { "bench-\(lobby(of: index))-\(member(of: index))" }
}
