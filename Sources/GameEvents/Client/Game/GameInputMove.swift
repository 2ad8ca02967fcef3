/// What a `game:input` asks the paddle to do: exactly one of `direction` or `target` on the wire.
public enum GameInputMove: Equatable, Sendable {
    /// `"direction"`: move up or down at the paddle speed, or stop, until the next input.
    case direction(GameDirection)
    /// `"target"`: move the paddle's centre towards this `y` (at most the paddle speed per tick) and stop on it;
    /// finite, at least 0, rounded to hundredths; values beyond the field are clamped by the server.
    case target(Double)
}
