/// Per-player options (`lobby:customization`).
extension Lobby {
    /// A player's options. The paddle colour is unique among a lobby's players.
    struct Customization: Equatable, Sendable {
        /// The player's paddle colour.
        var paddleColor: PaddleColor

        /// Options with `paddleColor`.
        init(paddleColor: PaddleColor) {
            self.paddleColor = paddleColor
        }

        /// Options from the wire's `paddleColor` text.
        ///
        /// - Throws: `invalid_payload` (field `payload.paddleColor`, reason `invalid_color`) unless it is `#RRGGBB`.
        init(paddleColor text: String) throws(LobbyRejection) {
            guard let color = PaddleColor(validating: text) else {
                throw .invalid(
                    field: "payload.paddleColor", reason: .invalidColor,
                    problem: "must be a colour written #RRGGBB")
            }
            self.init(paddleColor: color)
        }
    }
}
