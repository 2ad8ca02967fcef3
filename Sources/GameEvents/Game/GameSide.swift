/// One of the two players of a game: `left` defends the goal line `x = 0`, `right` the line `x = width`. The
/// lobby's first player (in join order) plays left.
public enum GameSide: String, Sendable, CaseIterable {
    /// The player defending the left goal line.
    case left
    /// The player defending the right goal line.
    case right
}
