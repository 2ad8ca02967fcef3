/// xorshift64* seeded from the system generator: masking keys for client frames (RFC 6455 5.3 asks for
/// unpredictable keys so intermediaries cannot be poisoned; a load tool on loopback needs them random, not secret),
/// without a `getrandom` call per frame.
struct FastRandom {
    private var state: UInt64

    /// A generator seeded from `SystemRandomNumberGenerator`.
    init() {
        var system = SystemRandomNumberGenerator()
        state = system.next() | 1
    }

    /// The next 64 random bits.
    @inline(__always)
    mutating func next() -> UInt64 {
        state ^= state >> 12
        state ^= state << 25
        state ^= state >> 27
        return state &* 0x2545_F491_4F6C_DD1D
    }

    /// A random masking key.
    @inline(__always)
    mutating func maskKey() -> UInt32 { UInt32(truncatingIfNeeded: next() >> 32) }
}
