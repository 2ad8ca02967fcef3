import GameEvents

/// What a room is doing: the wire's `game:state` `phase` (serving, playing, paused, resuming, finished), one
/// definition for the room and the protocol.
typealias GameRoomPhase = GamePhase
