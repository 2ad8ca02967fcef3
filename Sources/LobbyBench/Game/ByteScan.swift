import Glibc

/// Reading a few members out of a server message without building a JSON tree: find a member name (with its
/// quotes and colon), then read the number after it. For the hot path (`game:state`), where a full RFC 8259
/// parse per message would cost more than everything else the bench does with it. Only for messages we
/// recognised by their opening bytes; values are read as the server writes them (compact, no escapes in names).
enum ByteScan {
    /// The offset of the first `needle` in `base[from..<end]`, or nil. memchr looks for the needle's second byte
    /// (a member name's first letter, rarer than its opening quote), then the whole needle is compared.
    @inline(__always)
    static func find(_ needle: StaticString, in base: UnsafeRawPointer, from: Int, to end: Int) -> Int? {
        let length = needle.utf8CodeUnitCount
        let anchor = Int32(needle.utf8Start[1])
        var at = from + 1
        while end - at >= length - 1 {
            guard let hit = memchr(base + at, anchor, end - at - (length - 2)) else { return nil }
            let offset = UnsafeRawPointer(hit) - base - 1
            if memcmp(base + offset, needle.utf8Start, length) == 0 { return offset }
            at = offset + 2
        }
        return nil
    }

    /// The offset just past `needle` in `base[0..<end]`, looking from `hint` on first and then before it (members
    /// are usually in the documented order, so the search rarely wraps).
    @inline(__always)
    static func value(after needle: StaticString, in base: UnsafeRawPointer, hint: Int, end: Int) -> Int? {
        let length = needle.utf8CodeUnitCount
        if let found = find(needle, in: base, from: hint, to: end) { return found + length }
        if hint > 0, let found = find(needle, in: base, from: 0, to: Swift.min(end, hint + length - 1)) {
            return found + length
        }
        return nil
    }

    /// The bounds of the flat object that is the value of `needle` (`"ball":`): from its `{` to its `}`, or nil.
    @inline(__always)
    static func object(_ needle: StaticString, in base: UnsafeRawPointer, hint: Int, end: Int) -> Range<Int>? {
        guard var at = value(after: needle, in: base, hint: hint, end: end) else { return nil }
        at = skipSpaces(base, at, end)
        guard at < end, base.load(fromByteOffset: at, as: UInt8.self) == UInt8(ascii: "{"),
            let close = memchr(base + at, Int32(UInt8(ascii: "}")), end - at)
        else { return nil }
        return at..<(UnsafeRawPointer(close) - base + 1)
    }

    /// A non-negative integer at `at` (after optional spaces), and the offset after it. An integral value written
    /// with a fraction (`12.0`) reads as its integer part. Nil if there is no digit.
    @inline(__always)
    static func unsigned(_ base: UnsafeRawPointer, at start: Int, end: Int) -> (value: UInt64, next: Int)? {
        var at = skipSpaces(base, start, end)
        let first = at
        var value: UInt64 = 0
        while at < end, at - first < 19 {
            let digit = base.load(fromByteOffset: at, as: UInt8.self) &- 0x30
            if digit > 9 { break }
            value = value &* 10 &+ UInt64(digit)
            at += 1
        }
        guard at > first else { return nil }
        if at < end, base.load(fromByteOffset: at, as: UInt8.self) == UInt8(ascii: ".") {
            at += 1
            while at < end, base.load(fromByteOffset: at, as: UInt8.self) &- 0x30 <= 9 { at += 1 }
        }
        return (value, at)
    }

    /// A JSON number (RFC 8259 section 6) at `at` (after optional spaces), and the offset after it. Up to 18
    /// significant digits are used, which is more than a position rounded to 2 decimals has.
    @inline(__always)
    static func number(_ base: UnsafeRawPointer, at start: Int, end: Int) -> (value: Double, next: Int)? {
        var at = skipSpaces(base, start, end)
        var negative = false
        if at < end, base.load(fromByteOffset: at, as: UInt8.self) == UInt8(ascii: "-") {
            negative = true
            at += 1
        }
        var mantissa: UInt64 = 0
        var digits = 0
        var scale = 0
        let first = at
        while at < end {
            let digit = base.load(fromByteOffset: at, as: UInt8.self) &- 0x30
            if digit > 9 { break }
            if digits < 18 {
                mantissa = mantissa &* 10 &+ UInt64(digit)
                if mantissa > 0 { digits += 1 }
            } else {
                scale += 1
            }
            at += 1
        }
        guard at > first else { return nil }
        if at < end, base.load(fromByteOffset: at, as: UInt8.self) == UInt8(ascii: ".") {
            at += 1
            while at < end {
                let digit = base.load(fromByteOffset: at, as: UInt8.self) &- 0x30
                if digit > 9 { break }
                if digits < 18 {
                    mantissa = mantissa &* 10 &+ UInt64(digit)
                    if mantissa > 0 { digits += 1 }
                    scale -= 1
                }
                at += 1
            }
        }
        if at < end, base.load(fromByteOffset: at, as: UInt8.self) | 0x20 == UInt8(ascii: "e") {
            guard let (exponent, next) = self.exponent(base, at: at + 1, end: end) else { return nil }
            scale += exponent
            at = next
        }
        let magnitude = scaled(mantissa, scale)
        return (negative ? -magnitude : magnitude, at)
    }

    /// The exponent digits after `e`/`E` (with an optional sign), and the offset after them.
    private static func exponent(_ base: UnsafeRawPointer, at start: Int, end: Int) -> (Int, Int)? {
        var at = start
        var sign = 1
        if at < end {
            let byte = base.load(fromByteOffset: at, as: UInt8.self)
            if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") {
                sign = byte == UInt8(ascii: "-") ? -1 : 1
                at += 1
            }
        }
        var value = 0
        let first = at
        while at < end, value < 10_000 {
            let digit = base.load(fromByteOffset: at, as: UInt8.self) &- 0x30
            if digit > 9 { break }
            value = value * 10 + Int(digit)
            at += 1
        }
        return at > first ? (sign * value, at) : nil
    }

    /// Powers of ten that are exact in a Double (10^0 ... 10^22).
    private static let exactPowers: [Double] = (0...22).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    /// `mantissa` x 10^`scale`, correctly rounded when the mantissa is below 2^53 and |scale| <= 22 (one exact
    /// multiplication or division), which covers every position and speed the server writes.
    @inline(__always)
    static func scaled(_ mantissa: UInt64, _ scale: Int) -> Double {
        let value = Double(mantissa)
        if scale == 0 { return value }
        if scale < 0 && scale >= -22 { return value / exactPowers[-scale] }
        if scale > 0 && scale <= 22 { return value * exactPowers[scale] }
        return value * pow(10, Double(scale))
    }

    /// The first offset from `at` that is not a JSON space (RFC 8259 section 2).
    @inline(__always)
    static func skipSpaces(_ base: UnsafeRawPointer, _ start: Int, _ end: Int) -> Int {
        var at = start
        while at < end {
            let byte = base.load(fromByteOffset: at, as: UInt8.self)
            guard byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D else { break }
            at += 1
        }
        return at
    }
}
