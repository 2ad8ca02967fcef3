/// How a bench player chooses its paddle target from the last `game:state` it received, so rallies last and games
/// rarely end: Pong's server-side physics (`PongSimulation`) returns the ball at an angle proportional to where it
/// hits the paddle, and the paddle moves at most `paddleSpeed` per tick.
enum Aim: String {
    /// Target the ball's current `y` (what the scenario describes; the paddle lags a fast, steep ball).
    case follow
    /// Target where the ball will meet my paddle's face (reflected off the walls), a little off centre so the
    /// return has an angle; back to the middle while the ball moves away. Rallies last minutes.
    case predict

    /// The share of half a paddle to hit off centre (a return of about 0.15 x the largest bounce angle).
    static let offCentre = 0.15

    /// The paddle centre `y` to aim for. `side` is 0 left, 1 right; `flip` alternates the off-centre side.
    @inline(__always)
    func target(
        side: UInt8, x: Double, y: Double, vx: Double, vy: Double, field: FieldGeometry, flip: Bool
    ) -> Double {
        switch self {
        case .follow:
            return y
        case .predict:
            let face = field.faceX(side: side)
            let edge = side == 0 ? x - field.ballRadius : x + field.ballRadius
            let towardMe = side == 0 ? vx < 0 : vx > 0
            guard towardMe else { return field.height / 2 }
            let ticks = (edge - face) / -vx
            guard ticks >= 0 else { return y }
            let offset = field.paddleHeight / 2 * Self.offCentre * (flip ? -1 : 1)
            return Self.reflect(y + vy * ticks, field: field) + offset
        }
    }

    /// `y` folded back into the band the ball's centre can reach (walls at `ballRadius` from each edge), as the
    /// ball's bounces off the top and bottom walls do.
    static func reflect(_ y: Double, field: FieldGeometry) -> Double {
        let low = field.ballRadius
        let span = field.height - 2 * field.ballRadius
        guard span > 0, y.isFinite else { return field.height / 2 }
        var folded = (y - low).truncatingRemainder(dividingBy: 2 * span)
        if folded < 0 { folded += 2 * span }
        if folded > span { folded = 2 * span - folded }
        return low + folded
    }
}
