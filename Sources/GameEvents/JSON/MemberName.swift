/// A member name with a fingerprint for fast comparison: its UTF-8 length and first eight bytes.
///
/// Names are compared code unit by code unit (RFC 8259 section 8.3), not by Unicode canonical equivalence as
/// `String ==` does. Almost every name in the protocol fits in eight bytes, where the fingerprint alone decides
/// equality in two integer comparisons; longer names compare their remaining bytes only when the fingerprints
/// match.
struct MemberName: Hashable, Sendable {
    /// The name.
    let text: String
    /// The UTF-8 length.
    let length: Int
    /// The first eight UTF-8 bytes, little-endian, zero-padded.
    let prefix: UInt64

    /// The name `text`, fingerprinted.
    init(_ text: String) {
        var text = text
        (length, prefix) = text.withUTF8 { utf8 in (utf8.count, Self.prefix(of: utf8)) }
        self.text = text
    }

    /// The first eight bytes of `utf8`, zero-padded.
    private static func prefix(of utf8: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard let base = utf8.baseAddress else { return 0 }
        if utf8.count >= 8 { return UInt64(littleEndian: UnsafeRawPointer(base).loadUnaligned(as: UInt64.self)) }
        var value: UInt64 = 0
        for offset in 0..<utf8.count { value |= UInt64(base[offset]) &<< (8 &* UInt64(offset)) }
        return value
    }

    static func == (lhs: MemberName, rhs: MemberName) -> Bool {
        guard lhs.length == rhs.length && lhs.prefix == rhs.prefix else { return false }
        return lhs.length <= 8 || sameBytes(lhs.text, rhs.text)
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(length)
        hasher.combine(prefix)
        if length > 8 {
            var text = text
            text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: $0[8...]))) }
        }
    }

    /// Whether two strings of equal UTF-8 length have the same bytes.
    private static func sameBytes(_ a: String, _ b: String) -> Bool {
        var a = a
        var b = b
        return a.withUTF8 { left in
            b.withUTF8 { right in
                for offset in 0..<left.count where left[offset] != right[offset] { return false }
                return true
            }
        }
    }
}
