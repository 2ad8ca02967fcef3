import Foundation
import Testing

@testable import GameEvents

/// Positions travel rounded to hundredths, written compactly: the rounding, the text, and that what is written
/// reads back as exactly the rounded value.
@Suite struct HundredthsTests {
    /// The text `hundredths(_:)` writes for `value`.
    func text(_ value: Double) -> String {
        var writer = JSONWriter()
        writer.hundredths(value)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    @Test func writesCompactDecimals() {
        let cases: [(Double, String)] = [
            (400, "400"), (412.5, "412.5"), (412.33, "412.33"), (412.333, "412.33"), (412.336, "412.34"),
            (0, "0"), (-0.0, "0"), (-0.004, "0"), (0.004, "0"), (0.005, "0.01"), (-0.005, "-0.01"),
            (0.1, "0.1"), (0.07, "0.07"), (10.1, "10.1"), (-412.5, "-412.5"), (-361.2, "-361.2"),
            (99.999, "100"), (0.996, "1"), (-0.996, "-1"), (1.10, "1.1"), (1234567.89, "1234567.89"),
            (9_999_999_999_999.99, "9999999999999.99"),
        ]
        for (value, expected) in cases {
            #expect(text(value) == expected, "\(value)")
        }
    }

    @Test func outOfRangeValuesAreWrittenAsTheyAre() {
        #expect(text(1e13) == "10000000000000.0")
        #expect(text(-2.5e20) == "-2.5e+20")
        #expect(text(.nan) == "null")
        #expect(text(.infinity) == "null")
        #expect(Hundredths.rounded(1e15 + 0.5) == 1e15 + 0.5)
        #expect(Hundredths.rounded(.infinity) == .infinity)
        #expect(Hundredths.rounded(.nan).isNaN)
    }

    @Test func membersAndCommas() {
        var writer = JSONWriter()
        writer.beginObject()
        writer.member("a", hundredths: 1.5)
        writer.member("b", hundredths: -0.25)
        writer.literalKey("c")
        writer.beginArray()
        writer.hundredths(3)
        writer.hundredths(4.04)
        writer.endArray()
        writer.endObject()
        #expect(String(decoding: writer.bytes, as: UTF8.self) == #"{"a":1.5,"b":-0.25,"c":[3,4.04]}"#)
    }

    /// Random values across the field and far beyond: the text matches `%.2f` of the rounded value without
    /// trailing zeros, reads back as exactly the rounded value, and rounding is idempotent.
    @Test func randomValuesRoundTripExactly() throws {
        var random = SeededGenerator(seed: 0x0100)
        for iteration in 0..<100_000 {
            let magnitude = [1.0, 1_000, 1e6, 1e12][iteration % 4]
            let value = Double.random(in: -magnitude...magnitude, using: &random)
            let rounded = Hundredths.rounded(value)
            #expect(Hundredths.rounded(rounded) == rounded)
            #expect(abs(rounded - value) <= 0.005 + value.magnitude.ulp * 100)
            let written = text(value)
            #expect(written == text(rounded))
            #expect(try JSONParser.parse(written).doubleValue == rounded, "\(value) -> \(written)")
            var reference = String(format: "%.2f", rounded)
            while reference.hasSuffix("0") && reference.contains(".") { reference.removeLast() }
            if reference.hasSuffix(".") { reference.removeLast() }
            if reference == "-0" { reference = "0" }
            #expect(written == reference, "\(value)")
        }
    }
}
