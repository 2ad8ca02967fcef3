/// Positions, velocities and sizes travel rounded to hundredths (docs/protocol.md, "Games"): a game's value types
/// round what they are given, the decoder rounds what it reads and the writer writes the result compactly
/// (`400`, `412.5`, `412.33`), so a value reads back exactly as it was written and replays see the very numbers
/// the live game used.
///
/// Rounding is half away from zero on `value * 100`, done with integer conversion only (no libm). Magnitudes of
/// ``limit`` and more (far outside any field) are kept as they are.
enum Hundredths {
    /// Values this large or larger are not rounded (and are written in the shortest exact form).
    static let limit: Double = 1e13

    /// `value` in hundredths, rounded half away from zero; nil when it is not finite or beyond ``limit``.
    @inline(__always) static func count(_ value: Double) -> Int64? {
        // NaN fails the comparison too.
        guard value.magnitude < limit else { return nil }
        let scaled = value * 100
        var whole = Int64(scaled)
        // Exact: `whole` is `scaled` without its fraction, and both are below 2^53.
        let fraction = scaled - Double(whole)
        if fraction >= 0.5 {
            whole &+= 1
        } else if fraction <= -0.5 {
            whole &-= 1
        }
        return whole
    }

    /// `value` rounded to hundredths: the `Double` nearest to `count / 100`, which the JSON parser reads back
    /// from the written decimal exactly. Rounding a rounded value changes nothing; `-0.0` and tiny negatives
    /// become `0.0`.
    @inline(__always) static func rounded(_ value: Double) -> Double {
        guard let count = count(value) else { return value }
        return Double(count) / 100
    }
}
