/// Which way a player's paddle moves (`game:input` `direction`), until the next input.
public enum GameDirection: String, Sendable, CaseIterable {
    /// Towards the top wall (`y` decreasing), at the paddle speed.
    case up
    /// Towards the bottom wall (`y` increasing), at the paddle speed.
    case down
    /// Stay where it is.
    case stop
}
