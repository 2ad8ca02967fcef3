extension HTTPRequestHead {
    /// The percent-decoded value of the first query item called `name` (`application/x-www-form-urlencoded`
    /// rules: `+` is a space). Names are decoded before comparing. An item without `=` has the value `""`.
    /// Returns nil when the query has no such item. Malformed `%` escapes are kept literally; invalid UTF-8 is
    /// repaired with U+FFFD.
    public func queryItem(_ name: String) -> String? {
        guard let query else { return nil }
        for item in query.utf8.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let equals = item.firstIndex(of: UInt8(ascii: "="))
            let rawName = item[..<(equals ?? item.endIndex)]
            guard PercentDecoding.decode(rawName) == name else { continue }
            guard let equals else { return "" }
            return PercentDecoding.decode(item[item.index(after: equals)...])
        }
        return nil
    }
}

/// Decoding of `%XX` escapes and `+` in query strings (RFC 3986 section 2.1; WHATWG URL form-urlencoded).
enum PercentDecoding {
    /// Decodes `bytes`, turning `+` into a space and `%XX` into the byte XX; a `%` without two hex digits stays as is.
    static func decode(_ bytes: Substring.UTF8View) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = bytes.startIndex
        while i != bytes.endIndex {
            let byte = bytes[i]
            if byte == UInt8(ascii: "+") {
                out.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%"), let decoded = hexPair(bytes, after: i) {
                out.append(decoded)
                i = bytes.index(i, offsetBy: 2)
            } else {
                out.append(byte)
            }
            i = bytes.index(after: i)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The byte encoded by the two hex digits after `index`, or nil.
    private static func hexPair(_ bytes: Substring.UTF8View, after index: Substring.UTF8View.Index) -> UInt8? {
        let first = bytes.index(after: index)
        guard first != bytes.endIndex else { return nil }
        let second = bytes.index(after: first)
        guard second != bytes.endIndex, let high = hexValue(bytes[first]), let low = hexValue(bytes[second]) else {
            return nil
        }
        return high << 4 | low
    }

    /// The value of one hex digit, or nil.
    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
