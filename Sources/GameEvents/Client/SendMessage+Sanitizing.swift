/// Cleaning message text before it is counted, stored and shown.
extension SendMessage {
    /// `text` without control characters (Unicode Cc: U+0000-U+001F, U+007F-U+009F) other than line feed and tab,
    /// then without leading and trailing whitespace (Unicode White_Space, so also U+00A0, U+3000 and friends).
    /// Controls go first, so `"\u{1} hi"` becomes `"hi"`; a CR LF line break becomes LF.
    public static func sanitize(_ text: String) -> String {
        var clean = text
        if containsStrippedControl(text) {
            var kept = String.UnicodeScalarView()
            kept.append(contentsOf: text.unicodeScalars.lazy.filter { !isStripped($0) })
            clean = String(kept)
        }
        let scalars = clean.unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return "" }
        if !isWhitespace(first) && !isWhitespace(last) { return clean }
        guard let start = scalars.firstIndex(where: { !isWhitespace($0) }),
            let end = scalars.lastIndex(where: { !isWhitespace($0) })
        else { return "" }
        return String(scalars[start...end])
    }

    /// Whether `text` holds a control that sanitizing removes, checked on the UTF-8 bytes: C0 controls and DEL are
    /// single bytes, C1 controls are C2 80 to C2 9F.
    private static func containsStrippedControl(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { utf8 in
            var previous: UInt8 = 0
            for byte in utf8 {
                switch byte {
                case 0x09, 0x0A: break
                case 0x00..<0x20, 0x7F: return true
                case 0x80...0x9F where previous == 0xC2: return true
                default: break
                }
                previous = byte
            }
            return false
        }
    }

    /// Whether sanitizing removes `scalar`: a C0 or C1 control other than LF and tab.
    private static func isStripped(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A: return false
        case 0x00..<0x20, 0x7F...0x9F: return true
        default: return false
        }
    }

    /// Unicode White_Space, with ASCII answered without the property tables.
    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar.value == 0x20 || (0x09...0x0D).contains(scalar.value) }
        return scalar.properties.isWhitespace
    }
}
