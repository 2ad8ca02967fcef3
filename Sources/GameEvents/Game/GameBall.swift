/// The ball: centre `{"x", "y"}` in field units (origin top-left, `y` grows downwards) and velocity
/// `{"vx", "vy"}` in field units per second. Every value is rounded to hundredths, as on the wire.
public struct GameBall: Equatable, Sendable {
    /// The centre's `x`, from the left goal line.
    public let x: Double
    /// The centre's `y`, from the top wall.
    public let y: Double
    /// Horizontal speed, units per second (negative: towards the left goal).
    public let vx: Double
    /// Vertical speed, units per second (negative: upwards).
    public let vy: Double

    /// A ball at (`x`, `y`) moving at (`vx`, `vy`), each rounded to hundredths.
    public init(x: Double, y: Double, vx: Double, vy: Double) {
        self.x = Hundredths.rounded(x)
        self.y = Hundredths.rounded(y)
        self.vx = Hundredths.rounded(vx)
        self.vy = Hundredths.rounded(vy)
    }
}

extension GameBall: WirePayload {
    init(reading payload: PayloadReader) throws(EventDecodingError) {
        x = try payload.hundredths("x")
        y = try payload.hundredths("y")
        vx = try payload.hundredths("vx")
        vy = try payload.hundredths("vy")
    }

    func write(to writer: inout JSONWriter) {
        writer.member("x", hundredths: x)
        writer.member("y", hundredths: y)
        writer.member("vx", hundredths: vx)
        writer.member("vy", hundredths: vy)
    }
}
