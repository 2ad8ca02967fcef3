/// A paddle colour: `#RRGGBB`, six hexadecimal digits. Either case is accepted; the value is kept in upper case
/// (`#ff8800` becomes `#FF8800`), so two spellings of one colour compare equal.
///
/// Only validated values exist: build one with `init?(validating:)` (or `init?(rawValue:)`, which is the same).
public struct PaddleColor: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// How the rule is explained in error messages.
    static let requirement = "a colour written #RRGGBB (six hexadecimal digits)"

    /// The colour as it appears on the wire, upper case.
    public let rawValue: String

    /// The colour `text`, or nil unless it is `#` followed by exactly six hexadecimal digits.
    public init?(validating text: String) {
        let utf8 = Array(text.utf8)
        guard utf8.count == 7, utf8[0] == UInt8(ascii: "#") else { return nil }
        var upper: [UInt8] = [UInt8(ascii: "#")]
        for byte in utf8.dropFirst() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "A")...UInt8(ascii: "F"): upper.append(byte)
            case UInt8(ascii: "a")...UInt8(ascii: "f"): upper.append(byte - 0x20)
            default: return nil
            }
        }
        rawValue = String(decoding: upper, as: UTF8.self)
    }

    /// Same as `init?(validating:)`.
    public init?(rawValue: String) {
        self.init(validating: rawValue)
    }

    /// The raw value.
    public var description: String { rawValue }
}
