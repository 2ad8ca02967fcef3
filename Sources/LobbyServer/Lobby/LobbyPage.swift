/// One page of `lobby:list`.
struct LobbyPage: Equatable, Sendable {
    /// The lobbies, in creation order.
    let lobbies: [Lobby]
    /// The cursor for the next page; nil when no further lobby matches.
    let nextCursor: String?
}
