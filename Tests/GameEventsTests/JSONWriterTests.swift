import Testing

@testable import GameEvents

/// The writer's output, byte for byte: structure and commas, escaping, integers, doubles.
@Suite struct JSONWriterTests {
    /// The text written for `value`.
    func text(_ value: JSONValue) -> String { String(decoding: value.serialized(), as: UTF8.self) }

    @Test func writesStructureWithCommas() {
        var writer = JSONWriter()
        writer.beginObject()
        writer.member("a", 1)
        writer.literalKey("b")
        writer.beginArray()
        writer.null()
        writer.bool(true)
        writer.beginObject()
        writer.endObject()
        writer.beginArray()
        writer.endArray()
        writer.string("x")
        writer.endArray()
        writer.key("c d")
        writer.number(0.5)
        writer.member("e", ifPresent: nil as String?)
        writer.member("f", ifPresent: Int64(7))
        writer.endObject()
        #expect(String(decoding: writer.bytes, as: UTF8.self) == #"{"a":1,"b":[null,true,{},[],"x"],"c d":0.5,"f":7}"#)
    }

    @Test func escapesWhatJSONAndJavaScriptNeed() {
        #expect(text("plain") == #""plain""#)
        #expect(text("q\"b\\s/") == #""q\"b\\s/""#)
        #expect(text("\u{8}\u{C}\n\r\t") == #""\b\f\n\r\t""#)
        #expect(text("\u{0}\u{1}\u{1F}\u{7F}") == "\"\\u0000\\u0001\\u001f\u{7F}\"")
        #expect(text("a\u{2028}b\u{2029}c") == #""a\u2028b\u2029c""#)
        // Other scalars whose UTF-8 starts with E2 pass through untouched.
        #expect(text("€ → \u{2027}\u{202A}") == "\"€ → \u{2027}\u{202A}\"")
        #expect(text("日本語😀") == "\"日本語😀\"")
        // Escapes inside, before and after long plain runs (the eight-byte skip).
        let long = String(repeating: "abcdefgh", count: 4)
        #expect(text(.string(long + "\"" + long + "\n")) == "\"\(long)\\\"\(long)\\n\"")
        #expect(text(.string("\u{E2}")) == "\"\u{E2}\"")
    }

    @Test func writesIntegers() {
        #expect(text(0) == "0")
        #expect(text(7) == "7")
        #expect(text(-7) == "-7")
        #expect(text(10) == "10")
        #expect(text(1_763_751_600_000) == "1763751600000")
        #expect(text(.integer(.max)) == "9223372036854775807")
        #expect(text(.integer(.min)) == "-9223372036854775808")
        var writer = JSONWriter()
        writer.integer(42 as Int)
        #expect(writer.bytes == bytes("42"))
    }

    @Test func writesShortestRoundTripDoubles() {
        #expect(text(0.1) == "0.1")
        #expect(text(1.0) == "1.0")
        #expect(text(-0.0) == "-0.0")
        #expect(text(1e-5) == "1e-05")
        #expect(text(1e300) == "1e+300")
        #expect(text(.number(0.1 + 0.2)) == "0.30000000000000004")
        #expect(text(.number(5e-324)) == "5e-324")
        #expect(text(.number(.greatestFiniteMagnitude)) == "1.7976931348623157e+308")
        #expect(text(.number(.nan)) == "null")
        #expect(text(.number(.infinity)) == "null")
        #expect(text(.number(-.infinity)) == "null")
    }

    @Test func randomDoublesRoundTripBitExactly() throws {
        var random = SeededGenerator(seed: 0xF10A7)
        for _ in 0..<20_000 {
            let value = Double(bitPattern: random.next())
            guard value.isFinite else { continue }
            let parsed = try JSONParser.parse(JSONValue.number(value).serialized())
            guard case .number(let back) = parsed else {
                Issue.record("\(value) read back as \(parsed)")
                continue
            }
            #expect(back.bitPattern == value.bitPattern, "\(value)")
        }
    }

    @Test func appendsToAnExistingBuffer() {
        var writer = JSONWriter(appendingTo: bytes("x"))
        writer.beginArray()
        writer.integer(1 as Int64)
        writer.endArray()
        #expect(writer.bytes == bytes("x[1]"))
    }
}

/// Members are written in one append when they fit the writer's scratch space, piece by piece otherwise: both
/// paths write the same text.
@Suite struct JSONWriterScratchTests {
    @Test func longNamesAndValuesTakeThePiecewisePath() {
        let plain = String(repeating: "p", count: JSONWriter.maxScratchString)
        let longer = plain + "q"
        var writer = JSONWriter()
        writer.beginObject()
        writer.member("a_member_name_that_is_longer_than_forty_eight_bytes_x", Int64(-12))
        writer.member("a_member_name_that_is_longer_than_forty_eight_bytes_y", true)
        writer.member("a_member_name_that_is_longer_than_forty_eight_bytes_z", "v")
        writer.member("a_member_name_that_is_longer_than_forty_eight_bytes_w", hundredths: 2.5)
        writer.objectKey("a_member_name_that_is_longer_than_forty_eight_bytes_o")
        writer.member("s", plain)
        writer.member("t", longer)
        writer.member("u", "é \"x\"")
        writer.member("n", hundredths: .nan)
        writer.endObject()
        writer.member("i", Int64.min)
        writer.member("j", Int64.max)
        writer.member("k", false)
        writer.objectKey("e")
        writer.endObject()
        writer.endObject()
        let long = "a_member_name_that_is_longer_than_forty_eight_bytes_"
        let expected = #"{"\#(long)x":-12,"\#(long)y":true,"\#(long)z":"v","\#(long)w":2.5,"\#(long)o":{"s":"\#(plain)","t":"\#(longer)","u":"é \"x\"","n":null},"i":-9223372036854775808,"j":9223372036854775807,"k":false,"e":{}}"#
        #expect(String(decoding: writer.bytes, as: UTF8.self) == expected)
    }

    @Test func digitsOfEveryLength() {
        var magnitude: Int64 = 1
        for _ in 0..<19 {
            for value in [magnitude, magnitude - 1, -magnitude, 9 * magnitude] {
                var writer = JSONWriter()
                writer.integer(value)
                #expect(String(decoding: writer.bytes, as: UTF8.self) == String(value))
            }
            magnitude = magnitude &* 10
        }
    }
}
