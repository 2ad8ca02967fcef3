/// The XOR masking kernel of RFC 6455 5.3, shared by ``FrameEncoder/applyMask(_:key:phase:)`` and the reader's
/// copy-while-unmasking path.
///
/// Key convention used everywhere in this module: a `UInt32` masking key's big-endian bytes are the four key bytes in
/// wire order, so key `0x37FA213D` is sent as `37 FA 21 3D` and XORs payload byte `i` with byte `(phase + i) % 4`.
enum Masking {
    /// XORs `count` bytes from `source` into `destination` (they may be the same address, for in-place masking),
    /// starting at key byte `phase` (0-3). Returns the phase after the last byte.
    ///
    /// Works 32 then 8 bytes at a time with unaligned 64-bit loads and stores; only the last 0-7 bytes go one by one.
    @inline(__always)
    static func xor(
        from source: UnsafeRawPointer, to destination: UnsafeMutableRawPointer, count: Int, key: UInt32, phase: Int
    ) -> Int {
        let pattern = wordPattern(key: key, phase: phase)
        var i = 0
        while i &+ 32 <= count {
            let a = source.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            let b = source.loadUnaligned(fromByteOffset: i &+ 8, as: UInt64.self)
            let c = source.loadUnaligned(fromByteOffset: i &+ 16, as: UInt64.self)
            let d = source.loadUnaligned(fromByteOffset: i &+ 24, as: UInt64.self)
            destination.storeBytes(of: a ^ pattern, toByteOffset: i, as: UInt64.self)
            destination.storeBytes(of: b ^ pattern, toByteOffset: i &+ 8, as: UInt64.self)
            destination.storeBytes(of: c ^ pattern, toByteOffset: i &+ 16, as: UInt64.self)
            destination.storeBytes(of: d ^ pattern, toByteOffset: i &+ 24, as: UInt64.self)
            i &+= 32
        }
        while i &+ 8 <= count {
            let a = source.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            destination.storeBytes(of: a ^ pattern, toByteOffset: i, as: UInt64.self)
            i &+= 8
        }
        // i is a multiple of 8 (so of 4) here: the tail continues the same phase.
        while i < count {
            let byte = source.load(fromByteOffset: i, as: UInt8.self) ^ keyByte(key, at: phase &+ i)
            destination.storeBytes(of: byte, toByteOffset: i, as: UInt8.self)
            i &+= 1
        }
        return (phase &+ count) & 3
    }

    /// Key byte `index % 4` in wire order.
    @inline(__always)
    static func keyByte(_ key: UInt32, at index: Int) -> UInt8 {
        UInt8(truncatingIfNeeded: key &>> UInt32(24 &- 8 &* (index & 3)))
    }

    /// Eight key bytes, starting at key byte `phase`, laid out in memory order so one native `UInt64` XOR masks
    /// eight payload bytes. Independent of host byte order.
    @inline(__always)
    static func wordPattern(key: UInt32, phase: Int) -> UInt64 {
        var pattern: UInt64 = 0
        withUnsafeMutableBytes(of: &pattern) { bytes in
            for i in 0..<8 { bytes[i] = keyByte(key, at: phase &+ i) }
        }
        return pattern
    }
}
