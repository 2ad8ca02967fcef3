/// Where a game is (`game:state` `phase`): `serving` -> `playing` -> `serving` after each point, `paused` while a
/// player is disconnected, `resuming` during the countdown after they are back, `finished` at the end.
public enum GamePhase: String, Sendable, CaseIterable {
    /// The ball rests at the centre until the serve (after `serveDelayMs`).
    case serving
    /// The ball is in play.
    case playing
    /// A player's last connection dropped: nothing moves, `tick` does not advance.
    case paused
    /// The player is back: play continues when the countdown (`resumesInMs` of `game:resume`) ends.
    case resuming
    /// The game is over (`game:end` follows).
    case finished
}
