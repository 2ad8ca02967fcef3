/// UTF-8 well-formedness inside strings (RFC 3629 section 4; Unicode 15 table 3-7).
///
/// WebSocket text frames arrive validated (RFC 6455 section 8.1), but the parser is also used on bytes from other
/// places, so it checks every non-ASCII sequence it meets; outside strings any non-ASCII byte is already an error.
extension JSONParser {
    /// Steps over one multi-byte scalar at `index` (whose first byte is 0x80 or above), or throws
    /// ``JSONError/Reason/invalidUTF8`` at its first byte.
    mutating func skipMultibyteScalar() throws(JSONError) {
        let lead = byte(index)
        let length: Int
        // The allowed range of the second byte depends on the lead byte: this is what rules out overlong forms,
        // UTF-16 surrogates (ED A0-BF) and code points above U+10FFFF (F4 90 and up).
        var secondLow: UInt8 = 0x80
        var secondHigh: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; secondLow = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; secondHigh = 0x9F
        case 0xF0: length = 4; secondLow = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; secondHigh = 0x8F
        default: throw error(.invalidUTF8)  // continuation byte, C0, C1, F5-FF
        }
        guard index &+ length <= count else { throw error(.invalidUTF8) }
        let second = byte(index &+ 1)
        guard second >= secondLow && second <= secondHigh else { throw error(.invalidUTF8) }
        var offset = 2
        while offset < length {
            guard byte(index &+ offset) & 0xC0 == 0x80 else { throw error(.invalidUTF8) }
            offset &+= 1
        }
        index &+= length
    }
}
