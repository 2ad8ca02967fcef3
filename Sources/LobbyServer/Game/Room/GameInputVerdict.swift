/// What ``GameRoom/receiveInput(user:seq:input:)`` did with an input; the owner maps the refusals to errors.
enum GameInputVerdict: Equatable, Sendable {
    /// Queued; it applies at the next simulation step unless a newer one arrives first.
    case accepted
    /// `seq` is not above the highest this player sent before (a duplicate or reordered input): ignored.
    case stale
    /// The sender does not play in this game (`forbidden` `not_a_player`).
    case notAPlayer
    /// The game is over (`conflict` `game_over`).
    case gameOver
}
