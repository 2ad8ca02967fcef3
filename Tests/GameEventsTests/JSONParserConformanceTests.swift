import Testing

@testable import GameEvents

/// JSONTestSuite-style cases (Nicolas Seriot's y_ must accept / n_ must reject), one or more per rule of RFC 8259.
@Suite struct JSONParserConformanceTests {
    /// Inputs every conforming parser accepts, with the value they stand for.
    static let accepted: [(name: String, input: [UInt8], value: JSONValue)] = [
        ("y_array_empty", bytes("[]"), []),
        ("y_object_empty", bytes("{}"), [:]),
        ("y_array_null", bytes("[null]"), .array([.null])),
        ("y_array_true_false", bytes("[true,false]"), [true, false]),
        ("y_structure_lonely_int", bytes("42"), 42),
        ("y_structure_lonely_string", bytes("\"asd\""), "asd"),
        ("y_structure_lonely_null", bytes("null"), .null),
        ("y_number_0", bytes("[0]"), [0]),
        ("y_number_negative_int", bytes("[-123]"), [-123]),
        ("y_number_minus_zero", bytes("[-0]"), [.number(-0.0)]),
        ("y_number_simple_real", bytes("[123.456789]"), [123.456789]),
        ("y_number_real_capital_e", bytes("[1E22]"), [1e22]),
        ("y_number_real_pos_exponent", bytes("[1e+2]"), [100.0]),
        ("y_number_real_neg_exp", bytes("[1e-2]"), [0.01]),
        ("y_number_real_fraction_exponent", bytes("[123.456e78]"), [123.456e78]),
        ("y_number_0e1", bytes("[0e1]"), [0.0]),
        ("y_number_negative_zero_real", bytes("[-0.0]"), [.number(-0.0)]),
        ("y_number_int64_max", bytes("9223372036854775807"), .integer(.max)),
        ("y_number_int64_min", bytes("-9223372036854775808"), .integer(.min)),
        ("y_number_beyond_int64", bytes("9223372036854775808"), .number(9_223_372_036_854_775_808.0)),
        ("y_number_very_big_integer", bytes("123456789012345678901234567890"), .number(1.2345678901234568e29)),
        ("y_number_underflow_to_zero", bytes("[1e-400]"), [0.0]),
        ("y_number_after_space", bytes("[ 4]"), [4]),
        ("y_string_simple", bytes("[\"abc\"]"), ["abc"]),
        ("y_string_empty", bytes("\"\""), ""),
        ("y_string_escapes", bytes(#""\"\\\/\b\f\n\r\t""#), "\"\\/\u{8}\u{C}\n\r\t"),
        ("y_string_u_escape", bytes(#""\u0061\u00e9\u4E2D""#), "aé中"),
        ("y_string_null_escape", bytes(#""\u0000""#), "\u{0}"),
        ("y_string_surrogate_pair", bytes(#""\uD834\uDD1E""#), "𝄞"),
        ("y_string_last_surrogates", bytes(#""\uDBFF\uDFFF""#), "\u{10FFFF}"),
        ("y_string_uFFFF", bytes(#""\uFFFF""#), "\u{FFFF}"),
        ("y_string_raw_utf8", bytes("\"日本語 é 😀\""), "日本語 é 😀"),
        ("y_string_raw_u2028", bytes("\"\u{2028}\u{2029}\""), "\u{2028}\u{2029}"),
        ("y_string_raw_del", bytes("\"\u{7F}\""), "\u{7F}"),
        ("y_string_escaped_then_raw", bytes(#""a\nb日本\"c""#), "a\nb日本\"c"),
        ("y_string_long_ascii", bytes("\"" + String(repeating: "abcdefgh", count: 20) + "\""),
         .string(String(repeating: "abcdefgh", count: 20))),
        ("y_object_basic", bytes(#"{"a":1,"b":[true,{"c":null}]}"#), ["a": 1, "b": [true, ["c": .null]]]),
        ("y_object_empty_key", bytes(#"{"":0}"#), ["": 0]),
        ("y_object_escaped_keys_differ", bytes(#"{"a":1,"\u0062":2}"#), ["a": 1, "b": 2]),
        ("y_object_whitespace", bytes(" \t\r\n{ \"a\" : [ 1 , 2 ] } \n"), ["a": [1, 2]]),
        ("y_array_nested", bytes("[[[[]]]]"), [[[[]]]]),
        ("y_object_many_members", bytes("{" + (0..<40).map { "\"k\($0)\":\($0)" }.joined(separator: ",") + "}"),
         .object(JSONObject(uniqueKeysWithValues: (0..<40).map { ("k\($0)", JSONValue.integer(Int64($0))) }))),
    ]

    /// Inputs every conforming parser rejects (plus our strict choices), with the reason we give.
    static let rejected: [(name: String, input: [UInt8], reason: JSONError.Reason)] = [
        ("n_structure_empty", bytes(""), .unexpectedEnd),
        ("n_structure_whitespace_only", bytes(" \n"), .unexpectedEnd),
        ("n_array_unclosed", bytes("[1"), .unexpectedEnd),
        ("n_array_extra_close", bytes("[1]]"), .trailingData),
        ("n_array_trailing_comma", bytes("[1,]"), .expectedValue),
        ("n_array_leading_comma", bytes("[,1]"), .expectedValue),
        ("n_array_double_comma", bytes("[1,,2]"), .expectedValue),
        ("n_array_missing_comma", bytes("[1 2]"), .expectedCommaOrArrayEnd),
        ("n_array_colon", bytes("[\"a\":1]"), .expectedCommaOrArrayEnd),
        ("n_object_trailing_comma", bytes(#"{"a":1,}"#), .expectedMemberName),
        ("n_object_only_comma", bytes("{,}"), .expectedMemberName),
        ("n_object_missing_colon", bytes(#"{"a" 1}"#), .expectedColon),
        ("n_object_missing_value", bytes(#"{"a":}"#), .expectedValue),
        ("n_object_unquoted_key", bytes("{a:1}"), .expectedMemberName),
        ("n_object_single_quotes", bytes("{'a':1}"), .expectedMemberName),
        ("n_object_non_string_key", bytes("{1:1}"), .expectedMemberName),
        ("n_object_missing_comma", bytes(#"{"a":1 "b":2}"#), .expectedCommaOrObjectEnd),
        ("n_object_unclosed", bytes(#"{"a":1"#), .unexpectedEnd),
        ("n_object_duplicate_key", bytes(#"{"a":1,"a":2}"#), .duplicateMemberName("a")),
        ("n_object_duplicate_key_escaped", bytes(#"{"a":1,"\u0061":2}"#), .duplicateMemberName("a")),
        ("n_object_duplicate_key_large", bytes("{" + (0..<30).map { "\"k\($0)\":0" }.joined(separator: ",")
            + ",\"k7\":1}"), .duplicateMemberName("k7")),
        ("n_string_single_quote", bytes("['a']"), .expectedValue),
        ("n_number_leading_zero", bytes("[01]"), .leadingZero),
        ("n_number_neg_leading_zero", bytes("[-01]"), .leadingZero),
        ("n_number_double_zero", bytes("00"), .leadingZero),
        ("n_number_trailing_dot", bytes("[1.]"), .invalidNumber),
        ("n_number_leading_dot", bytes("[.5]"), .expectedValue),
        ("n_number_plus", bytes("[+1]"), .expectedValue),
        ("n_number_minus_alone", bytes("[-]"), .invalidNumber),
        ("n_number_minus_space", bytes("[- 1]"), .invalidNumber),
        ("n_number_double_minus", bytes("[--1]"), .invalidNumber),
        ("n_number_exponent_empty", bytes("[1e]"), .invalidNumber),
        ("n_number_exponent_sign_only", bytes("[1e+]"), .invalidNumber),
        ("n_number_dot_exponent", bytes("[1.e1]"), .invalidNumber),
        ("n_number_hex", bytes("[0x10]"), .expectedCommaOrArrayEnd),
        ("n_number_nan", bytes("[NaN]"), .expectedValue),
        ("n_number_infinity", bytes("[Infinity]"), .expectedValue),
        ("n_number_minus_infinity", bytes("[-Infinity]"), .invalidNumber),
        ("n_number_overflow", bytes("[1e400]"), .numberOutOfRange),
        ("n_number_negative_overflow", bytes("[-1.5e309]"), .numberOutOfRange),
        ("n_number_unterminated_minus", bytes("-"), .unexpectedEnd),
        ("n_literal_truncated", bytes("[tru]"), .invalidLiteral),
        ("n_literal_capitalized", bytes("[True]"), .expectedValue),
        ("n_literal_nul", bytes("nul"), .unexpectedEnd),
        ("n_literal_extra_letter", bytes("[nulll]"), .expectedCommaOrArrayEnd),
        ("n_string_unterminated", bytes("\"abc"), .unexpectedEnd),
        ("n_string_invalid_escape", bytes(#""\x41""#), .invalidEscape),
        ("n_string_escaped_single_quote", bytes(#""\'""#), .invalidEscape),
        ("n_string_escape_at_end", bytes(#""\"#), .unexpectedEnd),
        ("n_string_short_u_escape", bytes(#""\u12""#), .invalidUnicodeEscape),
        ("n_string_bad_hex", bytes(#""\uZZZZ""#), .invalidUnicodeEscape),
        ("n_string_lone_high_surrogate", bytes(#""\uD800""#), .loneSurrogate),
        ("n_string_lone_low_surrogate", bytes(#""\uDC00""#), .loneSurrogate),
        ("n_string_high_then_letter", bytes(#""\uD800\u0041""#), .loneSurrogate),
        ("n_string_high_then_high", bytes(#""\uD800\uD800""#), .loneSurrogate),
        ("n_string_raw_control", bytes("\"a\u{1}b\""), .controlCharacterInString),
        ("n_string_raw_tab", bytes("\"a\tb\""), .controlCharacterInString),
        ("n_string_raw_newline", bytes("[\"a\nb\"]"), .controlCharacterInString),
        ("n_string_raw_nul_after_escape", bytes("\"\\n\u{0}\""), .controlCharacterInString),
        ("n_string_invalid_utf8_ff", [0x22, 0xFF, 0x22], .invalidUTF8),
        ("n_string_lone_continuation", [0x22, 0x80, 0x22], .invalidUTF8),
        ("n_string_overlong_nul", [0x22, 0xC0, 0x80, 0x22], .invalidUTF8),
        ("n_string_overlong_slash", [0x22, 0xE0, 0x80, 0xAF, 0x22], .invalidUTF8),
        ("n_string_utf8_surrogate", [0x22, 0xED, 0xA0, 0x80, 0x22], .invalidUTF8),
        ("n_string_beyond_10FFFF", [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], .invalidUTF8),
        ("n_string_truncated_sequence", [0x22, 0xE6, 0x97, 0x22], .invalidUTF8),
        ("n_string_truncated_at_end", [0x22, 0xE6, 0x97], .invalidUTF8),
        ("n_string_invalid_utf8_after_escape", [0x22, 0x5C, 0x6E, 0xC1, 0xBF, 0x22], .invalidUTF8),
        ("n_structure_bom", [0xEF, 0xBB, 0xBF] + bytes("[]"), .expectedValue),
        ("n_structure_comment_before", bytes("/* c */ []"), .expectedValue),
        ("n_structure_comment_after", bytes("[] // c"), .trailingData),
        ("n_structure_two_values", bytes("[1] [2]"), .trailingData),
        ("n_structure_trailing_garbage", bytes("{}x"), .trailingData),
        ("n_structure_nbsp_whitespace", bytes("[\u{A0}1]"), .expectedValue),
        ("n_structure_form_feed_whitespace", bytes("[\u{C}1]"), .expectedValue),
        ("n_structure_nul_byte", [0x00], .expectedValue),
        ("n_structure_close_first", bytes("]"), .expectedValue),
        ("n_structure_too_deep", bytes(String(repeating: "[", count: 33) + String(repeating: "]", count: 33)),
         .tooDeep(limit: 32)),
    ]

    @Test(arguments: accepted.indices)
    func accepts(_ index: Int) throws {
        let (name, input, value) = Self.accepted[index]
        let parsed = try JSONParser.parse(input)
        #expect(parsed == value, "\(name)")
    }

    @Test(arguments: rejected.indices)
    func rejects(_ index: Int) {
        let (name, input, reason) = Self.rejected[index]
        #expect(throws: JSONError.self, "\(name)") { try JSONParser.parse(input) }
        do {
            _ = try JSONParser.parse(input)
        } catch {
            #expect(error.reason == reason, "\(name): \(error)")
            #expect(error.offset >= 0 && error.offset <= input.count, "\(name)")
        }
    }

    @Test func tableIsLargeEnough() {
        #expect(Self.accepted.count + Self.rejected.count >= 80)
    }
}

/// The UTF-8 bytes of `text`.
func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }
