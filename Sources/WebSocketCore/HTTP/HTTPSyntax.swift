/// Character classes and small helpers shared by the request and response parsers (RFC 9110 section 5.6).
enum HTTPSyntax {
    /// Carriage return.
    static let cr: UInt8 = 0x0D
    /// Line feed.
    static let lf: UInt8 = 0x0A
    /// Space.
    static let sp: UInt8 = 0x20
    /// Horizontal tab.
    static let htab: UInt8 = 0x09
    /// `:`
    static let colon: UInt8 = 0x3A

    /// `tchar` from RFC 9110 5.6.2: `!#$%&'*+-.^_`|~`, digits and letters.
    static func isTokenChar(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        case UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "&"),
            UInt8(ascii: "'"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."),
            UInt8(ascii: "^"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "|"), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }

    /// `field-vchar` plus SP and HTAB (RFC 9110 5.5): everything but the other controls and DEL.
    /// obs-text (0x80-0xFF) is accepted and later decoded as UTF-8 with repair.
    static func isFieldValueChar(_ byte: UInt8) -> Bool {
        byte >= 0x20 ? byte != 0x7F : byte == htab
    }

    /// Visible ASCII allowed in a request-target (RFC 9112 3.2; RFC 3986 characters, no raw non-ASCII).
    static func isTargetChar(_ byte: UInt8) -> Bool {
        byte > 0x20 && byte < 0x7F
    }

    /// Optional whitespace (OWS, RFC 9110 5.6.3).
    static func isOWS(_ byte: UInt8) -> Bool {
        byte == sp || byte == htab
    }

    /// ASCII lowercase of one byte.
    static func lower(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }

    /// ASCII case-insensitive equality without allocating.
    static func equalsIgnoringCase(_ a: String, _ b: String) -> Bool {
        var a = a
        var b = b
        return a.withUTF8 { pa in
            b.withUTF8 { pb in
                guard pa.count == pb.count else { return false }
                for i in 0..<pa.count where lower(pa[i]) != lower(pb[i]) { return false }
                return true
            }
        }
    }

    /// Whether a comma-separated list (RFC 9110 5.6.1) has an element equal to `token`, ignoring case and OWS.
    static func listContains(_ list: String, _ token: String) -> Bool {
        var list = list
        var token = token
        return list.withUTF8 { l in
            token.withUTF8 { t in
                var start = 0
                while start <= l.count {
                    var end = start
                    while end < l.count && l[end] != UInt8(ascii: ",") { end += 1 }
                    var s = start
                    var e = end
                    while s < e && isOWS(l[s]) { s += 1 }
                    while e > s && isOWS(l[e - 1]) { e -= 1 }
                    if e > s && e - s == t.count {
                        var same = true
                        for i in 0..<t.count where lower(l[s + i]) != lower(t[i]) {
                            same = false
                            break
                        }
                        if same { return true }
                    }
                    start = end + 1
                }
                return false
            }
        }
    }

    /// Builds a String from bytes `[start, end)`, repairing invalid UTF-8.
    static func string(_ bytes: UnsafeRawBufferPointer, _ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }
}
