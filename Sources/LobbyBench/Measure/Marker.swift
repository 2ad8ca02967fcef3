import Glibc

/// The latency marker every sent message carries: `T<CLOCK_MONOTONIC ns>_<sequence>`, in decimal ASCII.
/// A receiver finds it anywhere in a text message (JSON, plain text) and gets latency = receive time - ns.
enum Marker {
    /// Longest marker: `T` + 20 digits + `_` + 20 digits.
    static let maxLength = 42

    /// Number of decimal digits of `value`.
    @inline(__always)
    static func digitCount(_ value: UInt64) -> Int {
        var count = 1
        var rest = value
        while rest >= 10 {
            rest /= 10
            count += 1
        }
        return count
    }

    /// The length of the marker for `ns` and `seq`.
    @inline(__always)
    static func length(ns: UInt64, seq: UInt64) -> Int { 2 + digitCount(ns) + digitCount(seq) }

    /// Writes the marker at `dst` and returns its length (at most `maxLength`).
    @inline(__always)
    static func write(_ dst: UnsafeMutableRawPointer, ns: UInt64, seq: UInt64) -> Int {
        dst.storeBytes(of: UInt8(ascii: "T"), as: UInt8.self)
        var at = 1
        at += writeDecimal(dst + at, ns)
        dst.storeBytes(of: UInt8(ascii: "_"), toByteOffset: at, as: UInt8.self)
        at += 1
        at += writeDecimal(dst + at, seq)
        return at
    }

    /// Writes `value` in decimal at `dst`; returns the digit count.
    @inline(__always)
    static func writeDecimal(_ dst: UnsafeMutableRawPointer, _ value: UInt64) -> Int {
        let count = digitCount(value)
        var rest = value
        var at = count - 1
        while at >= 0 {
            dst.storeBytes(of: UInt8(truncatingIfNeeded: rest % 10) &+ 0x30, toByteOffset: at, as: UInt8.self)
            rest /= 10
            at -= 1
        }
        return count
    }

    /// Calls `found(ns, seq)` for every well-formed marker in `bytes`. A `T` not followed by digits, `_` and
    /// digits is skipped, so ordinary text around markers is harmless.
    @inline(__always)
    static func scan(_ bytes: UnsafeRawBufferPointer, _ found: (UInt64, UInt64) -> Void) {
        guard let base = bytes.baseAddress, bytes.count > 3 else { return }
        let end = bytes.count
        var at = 0
        while at < end {
            guard let hit = memchrT(base + at, end - at) else { return }
            var cursor = hit - base + 1
            guard let (ns, afterNs) = decimal(base, from: cursor, end: end), afterNs < end,
                base.load(fromByteOffset: afterNs, as: UInt8.self) == UInt8(ascii: "_"),
                let (seq, afterSeq) = decimal(base, from: afterNs + 1, end: end)
            else {
                at = cursor
                continue
            }
            found(ns, seq)
            cursor = afterSeq
            at = cursor
        }
    }

    /// Finds the next `T` (memchr is vectorised in glibc).
    @inline(__always)
    private static func memchrT(_ from: UnsafeRawPointer, _ length: Int) -> UnsafeRawPointer? {
        UnsafeRawPointer(memchr(from, Int32(UInt8(ascii: "T")), length))
    }

    /// Parses up to 20 decimal digits starting at `from`; nil if there is none.
    @inline(__always)
    private static func decimal(_ base: UnsafeRawPointer, from: Int, end: Int) -> (UInt64, Int)? {
        var value: UInt64 = 0
        var at = from
        while at < end, at - from < 20 {
            let digit = base.load(fromByteOffset: at, as: UInt8.self) &- 0x30
            if digit > 9 { break }
            value = value &* 10 &+ UInt64(digit)
            at += 1
        }
        return at == from ? nil : (value, at)
    }
}
