/// Numbers (RFC 8259 section 6).
extension JSONWriter {
    /// Writes an integer in decimal.
    public mutating func integer(_ value: Int64) {
        let comma = needsComma
        appendScratch { cursor in
            if comma { cursor.put(UInt8(ascii: ",")) }
            cursor.putDecimal(value)
        }
        valueWritten()
    }

    /// Writes an integer in decimal.
    public mutating func integer(_ value: Int) {
        integer(Int64(value))
    }

    /// Writes a number in the shortest form that reads back as exactly the same `Double` (the standard library's
    /// `description`, Swift's round-trip-exact float printing: `0.1`, `1e-05`, `1.0`, `-0.0`, `1e+300`), which is
    /// always valid JSON number syntax. JSON has no NaN or infinity; they are written as `null`, as JavaScript's
    /// `JSON.stringify` does.
    public mutating func number(_ value: Double) {
        guard value.isFinite else { return null() }
        separate()
        // Up to 15 bytes fit in a small String (no allocation); longer forms such as 0.30000000000000004 allocate
        // once. Events write their fractional numbers (game positions) with `hundredths(_:)` instead, so this is
        // not on the broadcast path.
        var text = value.description
        text.withUTF8 { bytes.append(contentsOf: $0) }
        valueWritten()
    }
}
