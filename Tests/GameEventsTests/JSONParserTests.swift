import Testing

@testable import GameEvents

/// Error offsets, the depth limit, numbers at the edges, escapes, and UTF-8 checked against the standard library.
@Suite struct JSONParserTests {
    /// Parses `text`, expecting an error; returns it.
    func failure(_ input: [UInt8], maxDepth: Int = 32) -> JSONError? {
        do {
            _ = try JSONParser.parse(input, maxDepth: maxDepth)
            return nil
        } catch {
            return error
        }
    }

    @Test func errorsPointAtTheOffendingByte() {
        #expect(failure(bytes("[1,]"))?.offset == 3)
        #expect(failure(bytes(#"{"a":1,"a":2}"#))?.offset == 7)
        #expect(failure(bytes("  [01]"))?.offset == 4)
        #expect(failure(bytes(#"["ab\q"]"#))?.offset == 4)
        #expect(failure(bytes(#"[ "\uD800x" ]"#))?.offset == 3)
        #expect(failure([0x5B, 0x22, 0x61, 0xC3, 0x28, 0x22, 0x5D])?.offset == 3)
        #expect(failure(bytes("[1] x"))?.offset == 4)
        #expect(failure(bytes("[1e999]"))?.offset == 1)
        #expect(failure(bytes("[true"))?.offset == 5)
        #expect(failure(bytes("[tRue]"))?.offset == 2)
        #expect(failure(bytes("{\"a\"")) == JSONError(offset: 4, reason: .unexpectedEnd))
    }

    @Test func errorDescriptionsNameOffsetAndReason() {
        let error = JSONError(offset: 7, reason: .expectedCommaOrObjectEnd)
        #expect(error.description == "invalid JSON at byte 7: expected ',' or '}'")
        #expect(JSONError.Reason.duplicateMemberName("x").description == "duplicate member name \"x\"")
    }

    @Test func depthLimitCountsArraysAndObjects() throws {
        func nested(_ depth: Int) -> [UInt8] {
            bytes(String(repeating: "[{\"a\":", count: depth / 2) + (depth % 2 == 1 ? "[]" : "0")
                + String(repeating: "}]", count: depth / 2))
        }
        _ = try JSONParser.parse(nested(32))
        #expect(failure(nested(33)) == JSONError(offset: 32 / 2 * 6, reason: .tooDeep(limit: 32)))
        _ = try JSONParser.parse(bytes("1"), maxDepth: 0)
        #expect(failure(bytes("[]"), maxDepth: 0)?.reason == .tooDeep(limit: 0))
        _ = try JSONParser.parse(bytes("[[]]"), maxDepth: 2)
        #expect(failure(bytes("[[[]]]"), maxDepth: 2)?.reason == .tooDeep(limit: 2))
        // Very deep input fails fast without exhausting the stack.
        #expect(failure(bytes(String(repeating: "[", count: 100_000)))?.reason == .tooDeep(limit: 32))
    }

    @Test func integersStayExact() throws {
        #expect(try JSONParser.parse("9007199254740993") == .integer(9_007_199_254_740_993))
        #expect(try JSONParser.parse("-9007199254740993") == .integer(-9_007_199_254_740_993))
        #expect(try JSONParser.parse("1000000000000000000") == .integer(1_000_000_000_000_000_000))
        #expect(try JSONParser.parse("-9223372036854775809") == .number(-9_223_372_036_854_775_809.0))
        #expect(try JSONParser.parse("18446744073709551616") == .number(18_446_744_073_709_551_616.0))
        #expect(try JSONParser.parse("1.0") == .number(1))
        #expect(try JSONParser.parse("1e2") == .number(100))
        #expect(try JSONParser.parse("1e2").int64Value == 100)
        #expect(try JSONParser.parse("1.5").int64Value == nil)
        #expect(try JSONParser.parse("-0").int64Value == 0)
        #expect(try JSONParser.parse("1e19").int64Value == nil)
    }

    @Test func numbersAreCorrectlyRounded() throws {
        // Hard cases for naive conversion: halfway points, many digits, subnormals, the largest finite value.
        let cases = [
            "0.1", "0.3", "2.2250738585072011e-308", "2.2250738585072014e-308", "4.9406564584124654e-324",
            "1.7976931348623157e308", "9007199254740993.0", "9007199254740992.5", "1.00000000000000011102230246251565",
            "0.000000000000000000000000000000000000001234", "123456789012345678901234567890.123456789",
            "7.0420557077594588669468784357561207962098443483187940792729600000e+59", "3.14159265358979323846",
            "1e23", "8.98846567431158e307", "2.5e-324", "-0.0000001", "1E-7", "6.02214076e23",
        ]
        for text in cases {
            let value = try JSONParser.parse(text).doubleValue
            #expect(value?.bitPattern == Double(text)?.bitPattern, "\(text)")
        }
    }

    @Test func randomDecimalsMatchTheStandardLibrary() throws {
        var random = SeededGenerator(seed: 0xD0_0B1E)
        for _ in 0..<20_000 {
            let digits = Int.random(in: 1...25, using: &random)
            var text = Bool.random(using: &random) ? "-" : ""
            text += String(Int.random(in: 1...9, using: &random))
            for _ in 1..<digits { text += String(Int.random(in: 0...9, using: &random)) }
            if Bool.random(using: &random) {
                let point = Int.random(in: 1...text.count - (text.hasPrefix("-") ? 1 : 0), using: &random)
                let index = text.index(text.endIndex, offsetBy: -point + 1)
                if index < text.endIndex { text.insert(".", at: index) }
            }
            if Bool.random(using: &random) { text += "e\(Int.random(in: -330...310, using: &random))" }
            guard let expected = Double(text), expected.isFinite else { continue }
            let parsed = try JSONParser.parse(text)
            let value = try #require(parsed.doubleValue)
            if case .integer(let exact) = parsed {
                #expect(Int64(text) == exact, "\(text)")
            } else {
                #expect(value.bitPattern == expected.bitPattern, "\(text)")
            }
        }
    }

    @Test func escapesDecode() throws {
        #expect(try JSONParser.parse(#""\u00e9\u00E9""#) == "éé")
        #expect(try JSONParser.parse(#""\ud83d\ude00 x""#) == "😀 x")
        #expect(try JSONParser.parse(#""a\/b""#) == "a/b")
        #expect(try JSONParser.parse(#""\\u0041""#) == "\\u0041")
        #expect(try JSONParser.parse(#""x\"""#) == "x\"")
        let long = String(repeating: "é\\n", count: 500)
        #expect(try JSONParser.parse("\"\(long)\"") == .string(String(repeating: "é\n", count: 500)))
        // Two escaped strings in one document share the scratch buffer without leaking into each other.
        #expect(try JSONParser.parse(#"["a\nbcdef","\t"]"#) == ["a\nbcdef", "\t"])
    }

    @Test func stringUTF8AgreesWithTheStandardLibrary() throws {
        // Random short byte sequences biased towards UTF-8 edge bytes, inside a string: the parser must accept
        // exactly those that are valid UTF-8 and contain no byte JSON forbids raw.
        var random = SeededGenerator(seed: 0x07F8)
        let interesting: [UInt8] = [0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0,
                                    0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF]
        for _ in 0..<50_000 {
            let length = Int.random(in: 1...6, using: &random)
            let content = (0..<length).map { _ in
                Bool.random(using: &random)
                    ? interesting.randomElement(using: &random)! : UInt8.random(in: 0x20...0xFF, using: &random)
            }.filter { $0 != 0x22 && $0 != 0x5C }
            let valid = String(validating: content, as: UTF8.self)
            let parsed = try? JSONParser.parse([0x22] + content + [0x22])
            #expect(parsed == valid.map(JSONValue.string), "\(content)")
        }
    }

    @Test func everyScalarSurvivesAsEscapeAndRaw() throws {
        for value in stride(from: 0, through: 0x10FFFF, by: 7) {
            guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
            let expected = JSONValue.string(String(scalar))
            let hex = String(value, radix: 16)
            if value < 0x10000 {
                let escape = "\"\\u" + String(repeating: "0", count: 4 - hex.count) + hex + "\""
                #expect(try JSONParser.parse(escape) == expected)
            }
            if value >= 0x20 && value != 0x22 && value != 0x5C {
                #expect(try JSONParser.parse("\"" + String(scalar) + "\"") == expected)
            }
        }
    }

    @Test func acceptsUnsafeBuffersWithoutCopying() throws {
        let input = bytes(#"{"type":"friend:list"}"#)
        let value = try input.withUnsafeBytes { raw in try JSONParser.parse(raw) }
        #expect(value["type"] == "friend:list")
        #expect(throws: JSONError(offset: 0, reason: .unexpectedEnd)) {
            try JSONParser.parse(UnsafeRawBufferPointer(start: nil, count: 0))
        }
    }
}
