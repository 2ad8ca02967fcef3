/// The highest input `seq` the server has applied for each player, 0 before any: `{"left": n, "right": n}`
/// (`lastSeq` in `game:state`). A client drops the inputs it kept for prediction up to its own side's value.
public struct GameSeqs: Equatable, Sendable {
    /// The left player's last applied `seq`.
    public var left: Int64
    /// The right player's last applied `seq`.
    public var right: Int64

    /// Last applied sequence numbers.
    public init(left: Int64, right: Int64) {
        self.left = left
        self.right = right
    }

    /// No input applied yet.
    public static let zero = GameSeqs(left: 0, right: 0)

    /// `side`'s last applied `seq`.
    public subscript(side: GameSide) -> Int64 { side == .left ? left : right }
}

extension GameSeqs: WirePayload {
    init(reading payload: PayloadReader) throws(EventDecodingError) {
        left = try payload.integer("left", in: 0...GameInput.maxSeq)
        right = try payload.integer("right", in: 0...GameInput.maxSeq)
    }

    func write(to writer: inout JSONWriter) {
        writer.member("left", left)
        writer.member("right", right)
    }
}
