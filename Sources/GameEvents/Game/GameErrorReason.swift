/// The `reason` values of `system.error` answers to game requests (docs/protocol.md, "Games"), alongside
/// ``LobbyErrorReason``: a machine-readable detail under `conflict`, `forbidden` and `not_found`. Put the raw value
/// in `SystemError.reason`.
public enum GameErrorReason: String, Sendable, CaseIterable {
    /// `not_found`: no live game has this id (for `game:replay`: no finished game has this id).
    case gameNotFound = "game_not_found"
    /// `forbidden`: only the game's players may send `game:input` (a spectator, or someone else).
    case notAPlayer = "not_a_player"
    /// `conflict`: the game has ended; it takes no more input.
    case gameOver = "game_over"
    /// `conflict`: `game:leave` while the user plays no game.
    case notInGame = "not_in_game"
    /// `forbidden`: the game belongs to a private lobby and the user is neither a member nor invited.
    case privateGame = "private_game"
    /// `conflict`: `game:spectate` while the user plays a game (that one or another).
    case alreadyPlaying = "already_playing"
    /// `conflict`: `game:unspectate` on a game the user is not watching.
    case notSpectating = "not_spectating"
    /// `conflict`: `game:replay` on a game that is still being played.
    case gameInProgress = "game_in_progress"
}
