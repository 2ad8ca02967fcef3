/// A player's options in a lobby: the `lobby:customization` payload and every player's `customization`,
/// `{"paddleColor": "#RRGGBB"}`.
public struct PlayerCustomization: Equatable, Sendable {
    /// The colour of the player's paddle.
    public var paddleColor: PaddleColor

    /// Options with `paddleColor`.
    public init(paddleColor: PaddleColor) {
        self.paddleColor = paddleColor
    }
}

extension PlayerCustomization: WirePayload {
    init(reading payload: PayloadReader) throws(EventDecodingError) {
        paddleColor = try payload.validated("paddleColor", requirement: PaddleColor.requirement)
    }

    func write(to writer: inout JSONWriter) {
        writer.member("paddleColor", paddleColor.rawValue)
    }
}
