/// The games a lobby can be made for (docs/protocol.md, "Lobbies").
public enum GameType: String, Sendable, CaseIterable {
    /// Pong, the only game so far.
    case pong
}
