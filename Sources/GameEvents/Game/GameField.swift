/// The field, the sizes of what is on it (in field units) and the paddle speed: `field` in `game:start`. The origin is the top-left
/// corner; a paddle's back is `paddleMargin` from its goal line, so its front face is at
/// `paddleMargin + paddleWidth` (left) or `width - paddleMargin - paddleWidth` (right). Every value is rounded
/// to hundredths, as on the wire.
public struct GameField: Equatable, Sendable {
    /// Goal line to goal line.
    public let width: Double
    /// Top wall to bottom wall.
    public let height: Double
    /// A paddle's length along `y`.
    public let paddleHeight: Double
    /// A paddle's thickness along `x`.
    public let paddleWidth: Double
    /// The gap between a goal line and the back of its paddle.
    public let paddleMargin: Double
    /// How fast a paddle moves, in field units per second (what a client needs to predict its own paddle).
    public let paddleSpeed: Double
    /// The ball's radius.
    public let ballRadius: Double

    /// A field with the given sizes (each rounded to hundredths); the defaults are the standard Pong field.
    public init(width: Double = 800, height: Double = 600, paddleHeight: Double = 100, paddleWidth: Double = 10,
                paddleMargin: Double = 20, paddleSpeed: Double = 480, ballRadius: Double = 8) {
        self.width = Hundredths.rounded(width)
        self.height = Hundredths.rounded(height)
        self.paddleHeight = Hundredths.rounded(paddleHeight)
        self.paddleWidth = Hundredths.rounded(paddleWidth)
        self.paddleMargin = Hundredths.rounded(paddleMargin)
        self.paddleSpeed = Hundredths.rounded(paddleSpeed)
        self.ballRadius = Hundredths.rounded(ballRadius)
    }
}

extension GameField: WirePayload {
    init(reading payload: PayloadReader) throws(EventDecodingError) {
        width = try payload.hundredths("width")
        height = try payload.hundredths("height")
        paddleHeight = try payload.hundredths("paddleHeight")
        paddleWidth = try payload.hundredths("paddleWidth")
        paddleMargin = try payload.hundredths("paddleMargin")
        paddleSpeed = try payload.hundredths("paddleSpeed")
        ballRadius = try payload.hundredths("ballRadius")
    }

    func write(to writer: inout JSONWriter) {
        writer.member("width", hundredths: width)
        writer.member("height", hundredths: height)
        writer.member("paddleHeight", hundredths: paddleHeight)
        writer.member("paddleWidth", hundredths: paddleWidth)
        writer.member("paddleMargin", hundredths: paddleMargin)
        writer.member("paddleSpeed", hundredths: paddleSpeed)
        writer.member("ballRadius", hundredths: ballRadius)
    }
}
