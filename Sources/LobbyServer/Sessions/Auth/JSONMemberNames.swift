import Foundation

/// Finds repeated member names in a JSON object.
///
/// `JSONDecoder` keeps the first of two members with the same name; RFC 7515 section 5.2 and RFC 7519 section 4
/// require a token with duplicate names to be rejected (or the last one used), so that two parsers can never
/// read different claims from one signed token. We reject.
enum JSONMemberNames {
    /// Whether the top-level object of `json` names a member twice. `json` must already be valid JSON (run it
    /// through the decoder first): this scanner only tracks strings, nesting and commas.
    static func topLevelHasDuplicates(_ json: [UInt8]) -> Bool {
        var names = Set<String>()
        var depth = 0
        var expectingName = false
        var index = 0
        while index < json.count {
            let byte = json[index]
            switch byte {
            case UInt8(ascii: "\""):
                let start = index + 1
                index = closingQuote(in: json, from: start)
                if depth == 1 && expectingName {
                    guard let name = unescaped(json[start..<index]), names.insert(name).inserted else { return true }
                    expectingName = false
                }
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
                expectingName = depth == 1 && byte == UInt8(ascii: "{")
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
            case UInt8(ascii: ","):
                if depth == 1 { expectingName = true }
            default:
                break
            }
            index += 1
        }
        return false
    }

    /// Index of the quote that ends the string whose contents start at `start` (skipping `\"` escapes).
    private static func closingQuote(in json: [UInt8], from start: Int) -> Int {
        var index = start
        while index < json.count && json[index] != UInt8(ascii: "\"") {
            index += json[index] == UInt8(ascii: "\\") ? 2 : 1
        }
        return min(index, json.count)
    }

    /// The name a member's raw string contents stand for (`"s\u0075b"` is `sub`); nil if it does not decode.
    private static func unescaped(_ raw: ArraySlice<UInt8>) -> String? {
        guard raw.contains(UInt8(ascii: "\\")) else { return String(decoding: raw, as: UTF8.self) }
        let quoted = Data([UInt8(ascii: "\"")] + raw + [UInt8(ascii: "\"")])
        return (try? JSONSerialization.jsonObject(with: quoted, options: .fragmentsAllowed)) as? String
    }
}
