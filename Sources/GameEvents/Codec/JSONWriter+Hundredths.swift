/// Numbers rounded to hundredths, written compactly: the positions and sizes of games (see `Hundredths`).
extension JSONWriter {
    /// Writes `value` rounded to two decimals without trailing zeros: `400`, `412.5`, `-3.25`, `0` (never `-0`).
    /// Values too large to round (beyond 10^13) are written like ``number(_:)``, NaN and infinities as `null`.
    public mutating func hundredths(_ value: Double) {
        guard let count = Hundredths.count(value) else { return number(value) }
        let comma = needsComma
        appendScratch { cursor in
            if comma { cursor.put(UInt8(ascii: ",")) }
            cursor.putHundredths(count)
        }
        valueWritten()
    }

    /// Writes a member whose value is rounded to hundredths (see ``hundredths(_:)``), in one append.
    public mutating func member(_ name: StaticString, hundredths value: Double) {
        guard let count = Hundredths.count(value), Self.fitsScratch(name) else {
            literalKey(name)
            return hundredths(value)
        }
        let comma = needsComma
        appendScratch { cursor in
            cursor.putKey(name, comma: comma)
            cursor.putHundredths(count)
        }
        valueWritten()
    }
}
