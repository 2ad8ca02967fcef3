/// Both players' points: `{"left": n, "right": n}` (`score` in `game:state`, `game:score`, `game:end`, `game:list`).
public struct GameScoreLine: Equatable, Sendable {
    /// The left player's points.
    public var left: Int
    /// The right player's points.
    public var right: Int

    /// A score of `left` to `right`.
    public init(left: Int, right: Int) {
        self.left = left
        self.right = right
    }

    /// 0 to 0.
    public static let zero = GameScoreLine(left: 0, right: 0)

    /// `side`'s points.
    public subscript(side: GameSide) -> Int { side == .left ? left : right }
}

extension GameScoreLine: WirePayload {
    init(reading payload: PayloadReader) throws(EventDecodingError) {
        left = Int(try payload.integer("left", in: 0...Int64(Int32.max)))
        right = Int(try payload.integer("right", in: 0...Int64(Int32.max)))
    }

    func write(to writer: inout JSONWriter) {
        writer.member("left", Int64(left))
        writer.member("right", Int64(right))
    }
}
