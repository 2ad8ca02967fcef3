/// One of the two players of a Pong game: the left one defends `x = 0`, the right one `x = fieldWidth`.
enum PongSide: Equatable, Hashable, Sendable, CaseIterable {
    /// The player defending the left goal line.
    case left
    /// The player defending the right goal line.
    case right

    /// The other player.
    var opponent: PongSide { self == .left ? .right : .left }

    /// The sign of `x` velocity of a ball travelling towards this side's goal (-1 for left, +1 for right).
    var direction: Double { self == .left ? -1 : 1 }
}
