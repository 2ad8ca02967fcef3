/// The paddles' centres: `{"left": y, "right": y}` in field units from the top wall, rounded to hundredths, as
/// on the wire. (A paddle's `x` is fixed by the field: `paddleMargin` from its goal line.)
public struct GamePaddles: Equatable, Sendable {
    /// The centre `y` of the left paddle.
    public let left: Double
    /// The centre `y` of the right paddle.
    public let right: Double

    /// Paddles centred at `left` and `right`, each rounded to hundredths.
    public init(left: Double, right: Double) {
        self.left = Hundredths.rounded(left)
        self.right = Hundredths.rounded(right)
    }

    /// `side`'s paddle centre.
    public subscript(side: GameSide) -> Double { side == .left ? left : right }
}

extension GamePaddles: WirePayload {
    init(reading payload: PayloadReader) throws(EventDecodingError) {
        left = try payload.hundredths("left")
        right = try payload.hundredths("right")
    }

    func write(to writer: inout JSONWriter) {
        writer.member("left", hundredths: left)
        writer.member("right", hundredths: right)
    }
}
