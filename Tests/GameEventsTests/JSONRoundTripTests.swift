import Testing

@testable import GameEvents

/// parse(write(v)) == v for random values from a seeded generator, and the object model's rules.
@Suite struct JSONRoundTripTests {
    /// Scalars that stress escaping: controls, quotes, backslash, U+2028/9, the BMP edge, astral planes.
    static let trickyScalars: [Unicode.Scalar] = [
        "\u{0}", "\u{1}", "\u{8}", "\t", "\n", "\u{C}", "\r", "\u{1F}", " ", "\"", "\\", "/", "a", "\u{7F}",
        "\u{80}", "é", "\u{2028}", "\u{2029}", "€", "\u{FFFD}", "\u{FFFF}", "😀", "\u{10FFFF}", "中",
    ]

    /// A random string of up to `maxLength` scalars.
    static func randomString(_ random: inout SeededGenerator, maxLength: Int = 12) -> String {
        var scalars = String.UnicodeScalarView()
        for _ in 0..<Int.random(in: 0...maxLength, using: &random) {
            if Bool.random(using: &random) {
                scalars.append(trickyScalars.randomElement(using: &random)!)
            } else {
                scalars.append(Unicode.Scalar(UInt8.random(in: 0x20...0x7E, using: &random)))
            }
        }
        return String(scalars)
    }

    /// A random value nested at most `depth` levels.
    static func randomValue(_ random: inout SeededGenerator, depth: Int) -> JSONValue {
        switch Int.random(in: 0..<(depth > 0 ? 9 : 7), using: &random) {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &random))
        case 2: return .integer(Int64(bitPattern: random.next()) >> Int.random(in: 0...63, using: &random))
        case 3:
            let value = Double(bitPattern: random.next())
            return .number(value.isFinite ? value : Double(Int.random(in: -1000...1000, using: &random)) / 8)
        case 4: return .number(Double(Int.random(in: -100...100, using: &random)))
        case 5, 6: return .string(randomString(&random))
        case 7:
            let count = Int.random(in: 0...5, using: &random)
            return .array((0..<count).map { _ in randomValue(&random, depth: depth - 1) })
        default:
            var object = JSONObject()
            for _ in 0..<Int.random(in: 0...5, using: &random) {
                object[randomString(&random, maxLength: 6)] = randomValue(&random, depth: depth - 1)
            }
            return .object(object)
        }
    }

    @Test func randomValuesRoundTrip() throws {
        var random = SeededGenerator(seed: 20_261_121)
        for _ in 0..<5_000 {
            let value = Self.randomValue(&random, depth: 5)
            let written = value.serialized()
            let parsed = try JSONParser.parse(written)
            #expect(parsed == value, "\(String(decoding: written, as: UTF8.self))")
            // And writing is deterministic: the same text again.
            #expect(parsed.serialized() == written)
        }
    }

    @Test func objectsCompareUnorderedAndKeepOrder() throws {
        let parsed = try JSONParser.parse(#"{"b":1,"a":2}"#)
        #expect(parsed == ["a": 2, "b": 1])
        #expect(parsed.objectValue?.keys == ["b", "a"])
        #expect(parsed != ["a": 2, "b": 2])
        #expect(parsed != ["a": 2])
        let members = (0..<40).map { ("k\($0)", JSONValue.integer(Int64($0))) }
        let big = JSONObject(uniqueKeysWithValues: members)
        let reversed = JSONObject(uniqueKeysWithValues: members.reversed())
        #expect(big == reversed)
        var changed = reversed
        changed["k3"] = 4
        #expect(big != changed)
    }

    @Test func objectSubscriptSetsReplacesAndRemoves() {
        var object = JSONObject()
        object["a"] = 1
        object["b"] = 2
        object["a"] = 3
        #expect(object.keys == ["a", "b"])
        #expect(object["a"] == 3)
        object["a"] = nil
        #expect(object.keys == ["b"])
        object["zz"] = nil
        #expect(object.count == 1)
        #expect(object.index(forKey: "b") == 0)
    }

    @Test func accessorsReadTheRightKinds() {
        let value: JSONValue = ["s": "x", "i": 3, "d": 2.5, "b": false, "n": .null, "a": [1], "o": [:]]
        #expect(value["s"]?.stringValue == "x")
        #expect(value["i"]?.int64Value == 3)
        #expect(value["i"]?.doubleValue == 3)
        #expect(value["d"]?.doubleValue == 2.5)
        #expect(value["d"]?.int64Value == nil)
        #expect(value["b"]?.boolValue == false)
        #expect(value["n"]?.isNull == true)
        #expect(value["a"]?.arrayValue == [1])
        #expect(value["o"]?.objectValue == JSONObject())
        #expect(value["missing"] == nil)
        #expect(value["s"]?.int64Value == nil)
        #expect(JSONValue.string("x")["s"] == nil)
    }
}
