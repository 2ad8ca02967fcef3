/// What a room is doing, as `game:state`'s `phase` says it. Raw values are the wire names.
enum GameRoomPhase: String, Equatable, Sendable, CaseIterable {
    /// The ball rests at the centre, waiting for the serve.
    case serving
    /// The ball is in play.
    case playing
    /// A player is away; the simulation is frozen until they return or forfeit.
    case paused
    /// Everybody is back; the simulation continues when the countdown runs out.
    case resuming
    /// The game is over; ``GameRoom/result`` says how.
    case finished
}
