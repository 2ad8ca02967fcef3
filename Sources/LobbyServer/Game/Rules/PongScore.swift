/// The points of both players.
struct PongScore: Equatable, Hashable, Sendable {
    /// The left player's points.
    var left: Int
    /// The right player's points.
    var right: Int

    /// `0 - 0`.
    static let zero = PongScore(left: 0, right: 0)

    /// `side`'s points.
    subscript(side: PongSide) -> Int {
        get { side == .left ? left : right }
        set {
            if side == .left { left = newValue } else { right = newValue }
        }
    }
}
