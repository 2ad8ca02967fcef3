/// A write position in scratch space. The callers keep within ``JSONWriter/scratchSize``: a comma, a key of at
/// most ``JSONWriter/maxScratchName`` bytes plus 3, and a value of at most ``JSONWriter/maxScratchString`` plus 2.
struct ScratchCursor {
    /// The start of the scratch space.
    let base: UnsafeMutablePointer<UInt8>
    /// How many bytes were written.
    var count = 0

    /// Puts one byte.
    @inline(__always) mutating func put(_ byte: UInt8) {
        base[count] = byte
        count &+= 1
    }

    /// Puts the bytes of an ASCII literal.
    @inline(__always) mutating func put(_ text: StaticString) {
        put(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Puts a run of bytes. Short runs (member names, ids) are copied byte by byte: cheaper than calling memmove.
    @inline(__always) mutating func put(_ run: UnsafeBufferPointer<UInt8>) {
        guard let start = run.baseAddress else { return }
        if run.count <= 16 {
            for offset in 0..<run.count { base[count &+ offset] = start[offset] }
        } else {
            (base + count).update(from: start, count: run.count)
        }
        count &+= run.count
    }

    /// Puts `,` when `comma`, then `"name":` (the name printable ASCII without `"` or `\`, checked in debug builds).
    @inline(__always) mutating func putKey(_ name: StaticString, comma: Bool) {
        if comma { put(UInt8(ascii: ",")) }
        put(UInt8(ascii: "\""))
        name.withUTF8Buffer { utf8 in
            assert(utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C }, "\(name) needs escaping")
            put(utf8)
        }
        put(UInt8(ascii: "\""))
        put(UInt8(ascii: ":"))
    }

    /// Puts the decimal digits of `value`, with `-` when negative (at most 20 bytes).
    @inline(__always) mutating func putDecimal(_ value: Int64) {
        if value < 0 { put(UInt8(ascii: "-")) }
        putDigits(value.magnitude)
    }

    /// Puts the decimal digits of `magnitude` (at most 20 bytes).
    @inline(__always) mutating func putDigits(_ magnitude: UInt64) {
        var digits = 1
        var limit: UInt64 = 10
        while digits < 20 && magnitude >= limit {
            digits &+= 1
            limit = limit &* 10
        }
        var rest = magnitude
        var position = count &+ digits
        count = position
        repeat {
            position &-= 1
            let (quotient, remainder) = rest.quotientAndRemainder(dividingBy: 10)
            base[position] = UInt8(truncatingIfNeeded: remainder) &+ 0x30
            rest = quotient
        } while position > count &- digits
    }

    /// Puts a count of hundredths as a compact decimal: `40000` is `400`, `41250` is `412.5`, `-5` is `-0.05`
    /// (at most 24 bytes).
    @inline(__always) mutating func putHundredths(_ hundredths: Int64) {
        if hundredths < 0 { put(UInt8(ascii: "-")) }
        let (whole, cents) = hundredths.magnitude.quotientAndRemainder(dividingBy: 100)
        putDigits(whole)
        guard cents != 0 else { return }
        let (tens, ones) = cents.quotientAndRemainder(dividingBy: 10)
        put(UInt8(ascii: "."))
        put(UInt8(truncatingIfNeeded: tens) &+ 0x30)
        if ones != 0 { put(UInt8(truncatingIfNeeded: ones) &+ 0x30) }
    }
}
