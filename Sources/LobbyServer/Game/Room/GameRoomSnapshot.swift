/// A room's visible state at one moment: what a `game:state` frame carries (besides ids and spectators).
struct GameRoomSnapshot: Equatable, Sendable {
    /// Simulation steps so far (`tick`; does not advance while paused or resuming).
    let tick: UInt64
    /// What the room is doing.
    let phase: GameRoomPhase
    /// The ball, in field units and units per tick.
    let ball: PongBall
    /// The paddles' centre `y`.
    let paddles: PongPaddles
    /// The score.
    let score: PongScore
    /// The highest input `seq` applied per side (0 before any): `lastSeq`.
    let lastSeq: PerSide<Int64>
}
