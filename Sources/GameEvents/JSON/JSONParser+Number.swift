/// Numbers (RFC 8259 section 6): `-? (0 | [1-9][0-9]*) (\.[0-9]+)? ([eE][+-]?[0-9]+)?`.
extension JSONParser {
    /// Exact powers of ten for Clinger's fast path: every 10^k with k <= 22 is a `Double` without rounding.
    private static let exactPowersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// The digits of a number as read: up to 19 significant digits, and the power of ten they are scaled by.
    private struct Decimal {
        /// The first significant digits (at most 19, so they fit).
        var significand: UInt64 = 0
        /// How many digits `significand` holds (leading zeros not counted).
        var digits = 0
        /// Whether nonzero digits were dropped beyond the 19th (the value is then not exactly `significand`).
        var truncated = false
        /// The decimal exponent applied to `significand`.
        var exponent = 0
    }

    /// Reads a number; the current byte is `-` or a digit.
    mutating func parseNumber() throws(JSONError) -> JSONValue {
        let start = index
        let negative = byte(index) == UInt8(ascii: "-")
        if negative { index &+= 1 }
        var decimal = Decimal()
        try readIntegerPart(into: &decimal)
        var isInteger = true
        if index < count && byte(index) == UInt8(ascii: ".") {
            isInteger = false
            index &+= 1
            try readFraction(into: &decimal)
        }
        if index < count && (byte(index) | 0x20) == UInt8(ascii: "e") {
            isInteger = false
            index &+= 1
            try readExponent(into: &decimal)
        }
        if isInteger, !decimal.truncated, let exact = Self.exactInteger(decimal.significand, negative: negative) {
            return .integer(exact)
        }
        return .number(try makeDouble(decimal, negative: negative, from: start))
    }

    /// `0` or a nonzero digit followed by digits.
    private mutating func readIntegerPart(into decimal: inout Decimal) throws(JSONError) {
        guard index < count, isDigit(byte(index)) else { throw numberError() }
        if byte(index) == UInt8(ascii: "0") {
            index &+= 1
            if index < count && isDigit(byte(index)) { throw error(.leadingZero) }
            return
        }
        while index < count, isDigit(byte(index)) {
            if decimal.digits < 19 {
                decimal.significand = decimal.significand &* 10 &+ UInt64(byte(index) &- 0x30)
                decimal.digits &+= 1
            } else {
                // Digits past the 19th only scale the value; remember the value is no longer exact.
                decimal.exponent &+= 1
                decimal.truncated = true
            }
            index &+= 1
        }
    }

    /// One or more digits after the decimal point.
    private mutating func readFraction(into decimal: inout Decimal) throws(JSONError) {
        guard index < count, isDigit(byte(index)) else { throw numberError() }
        while index < count, isDigit(byte(index)) {
            let digit = byte(index) &- 0x30
            if decimal.digits < 19 {
                decimal.significand = decimal.significand &* 10 &+ UInt64(digit)
                decimal.exponent &-= 1
                // Leading zeros (0.000123) do not use up the 19 significant digits.
                if decimal.significand != 0 { decimal.digits &+= 1 }
            } else if digit != 0 {
                decimal.truncated = true
            }
            index &+= 1
        }
    }

    /// `e` or `E` (already consumed), an optional sign, one or more digits.
    private mutating func readExponent(into decimal: inout Decimal) throws(JSONError) {
        var negative = false
        if index < count && (byte(index) == UInt8(ascii: "+") || byte(index) == UInt8(ascii: "-")) {
            negative = byte(index) == UInt8(ascii: "-")
            index &+= 1
        }
        guard index < count, isDigit(byte(index)) else { throw numberError() }
        var value = 0
        while index < count, isDigit(byte(index)) {
            // Saturate: beyond a million the result is 0 or out of range either way (and goes to strtod).
            if value < 1_000_000 { value = value &* 10 &+ Int(byte(index) &- 0x30) }
            index &+= 1
        }
        decimal.exponent &+= negative ? -value : value
    }

    /// The `Int64` a plain integer literal stands for, or nil when it does not fit (or is `-0`, which stays a
    /// `Double` to keep its sign).
    private static func exactInteger(_ magnitude: UInt64, negative: Bool) -> Int64? {
        if !negative { return magnitude <= UInt64(Int64.max) ? Int64(magnitude) : nil }
        if magnitude == 0 { return nil }
        if magnitude == UInt64(Int64.max) &+ 1 { return Int64.min }
        return magnitude <= UInt64(Int64.max) ? -Int64(magnitude) : nil
    }

    /// The correctly rounded `Double` for the number at `start..<index`.
    private func makeDouble(_ decimal: Decimal, negative: Bool, from start: Int) throws(JSONError) -> Double {
        // Clinger (1990): a significand of at most 53 bits times or divided by an exact power of ten is one
        // correctly rounded IEEE operation.
        if !decimal.truncated && decimal.significand <= (1 << 53) && decimal.exponent >= -22 && decimal.exponent <= 22 {
            let significand = Double(decimal.significand)
            let power = Self.exactPowersOfTen[abs(decimal.exponent)]
            let magnitude = decimal.exponent < 0 ? significand / power : significand * power
            return negative ? -magnitude : magnitude
        }
        // The literal matched the JSON grammar, which is a subset of what strtod accepts.
        let text = UnsafeRawBufferPointer(start: base + start, count: index &- start)
        let literal = String(decoding: text, as: UTF8.self)
        guard let value = Double(literal), value.isFinite else {
            throw JSONError(offset: start, reason: .numberOutOfRange)
        }
        return value
    }

    /// `invalidNumber` at the current byte, or `unexpectedEnd` when the input stops inside the number.
    private func numberError() -> JSONError {
        index < count ? error(.invalidNumber) : error(.unexpectedEnd)
    }

    /// Whether `byte` is an ASCII digit.
    @inline(__always) private func isDigit(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10
    }
}
