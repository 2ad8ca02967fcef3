/// SplitMix64 (Steele, Lea and Flood, "Fast Splittable Pseudorandom Number Generators", OOPSLA 2014): a tiny
/// seeded generator whose whole state is one `UInt64`, so a game's randomness is reproduced exactly from its
/// seed (replays) and compared as part of the simulation's state.
struct SplitMix64: Equatable, Sendable {
    /// The generator's state; advances by the golden-ratio increment on every draw.
    private(set) var state: UInt64

    /// A generator that starts from `seed`.
    init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform `Double` in `0..<1` from the top 53 bits (exact and platform-independent, unlike the
    /// standard library's `random(in:using:)`, whose algorithm may change between releases).
    mutating func nextUnit() -> Double { Double(next() >> 11) * 0x1p-53 }
}
