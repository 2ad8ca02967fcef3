/// Paddle colours: `#RRGGBB`, validated and normalized to upper case.
extension Lobby {
    /// A colour written `#RRGGBB` (six hexadecimal digits, stored upper case so `#abcdef` and `#ABCDEF` are the
    /// same colour for the uniqueness rule). Only validated values exist.
    struct PaddleColor: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        /// The colour as `#RRGGBB`, upper case.
        let rawValue: String

        /// The colour `text` (`#rrggbb` in either case), or nil when it is anything else.
        init?(validating text: String) {
            let utf8 = Array(text.utf8)
            guard utf8.count == 7, utf8[0] == UInt8(ascii: "#") else { return nil }
            var normalized: [UInt8] = [UInt8(ascii: "#")]
            for byte in utf8.dropFirst() {
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "A")...UInt8(ascii: "F"):
                    normalized.append(byte)
                case UInt8(ascii: "a")...UInt8(ascii: "f"):
                    normalized.append(byte - 0x20)
                default:
                    return nil
                }
            }
            rawValue = String(decoding: normalized, as: UTF8.self)
        }

        /// Same as `init?(validating:)`.
        init?(rawValue: String) {
            self.init(validating: rawValue)
        }

        /// The `#RRGGBB` text.
        var description: String { rawValue }

        /// The eight default colours, one per seat; a new player gets the first one no other player uses,
        /// starting at their seat number.
        static let palette: [PaddleColor] = [
            "#E74C3C", "#3498DB", "#2ECC71", "#F1C40F", "#9B59B6", "#E67E22", "#1ABC9C", "#ECF0F1",
        ].map { PaddleColor(validating: $0)! }
    }
}
