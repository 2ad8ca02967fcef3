import WebSocketCore

/// The base64url form JWS uses for each token part (RFC 7515 section 2: RFC 4648 section 5, no padding), decoded
/// strictly so that every byte string has exactly one accepted encoding.
enum JWTBase64 {
    /// Decodes one token part. Returns nil for `=` padding, characters outside `A-Z a-z 0-9 - _`, an impossible
    /// length, or non-zero unused bits in the last character (a second spelling of the same bytes).
    static func decode(_ part: Substring) -> [UInt8]? {
        guard !part.utf8.contains(UInt8(ascii: "=")),
              let bytes = Base64.decode(String(part), alphabet: .url)
        else { return nil }
        // Base64.decode ignores unused low bits; re-encoding shows whether they were zero (RFC 4648 section 3.5).
        guard encode(bytes).utf8.elementsEqual(part.utf8) else { return nil }
        return bytes
    }

    /// Encodes bytes as unpadded base64url.
    static func encode<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        Base64.encode(bytes, alphabet: .url, padded: false)
    }
}
