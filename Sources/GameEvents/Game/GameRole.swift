/// How a connection takes part in a game (`game:start` `role`).
public enum GameRole: String, Sendable, CaseIterable {
    /// One of the two players: sends `game:input`.
    case player
    /// A watcher: receives the game, cannot send input.
    case spectator
}
