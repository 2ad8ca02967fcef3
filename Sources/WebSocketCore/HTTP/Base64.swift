/// Base64 encoding and decoding (RFC 4648 sections 4 and 5), for handshake keys and JWT segments.
/// Meant for short values: not a per-frame API.
public enum Base64 {
    /// Which 64-character alphabet to use.
    public enum Alphabet: Sendable {
        /// `A-Z a-z 0-9 + /` (RFC 4648 section 4).
        case standard
        /// `A-Z a-z 0-9 - _`, URL and filename safe (RFC 4648 section 5).
        case url

        /// The 64 symbols in value order.
        var symbols: [UInt8] { self == .standard ? Base64.standardSymbols : Base64.urlSymbols }
        /// Symbol byte -> value, 0xFF for bytes outside the alphabet.
        var values: [UInt8] { self == .standard ? Base64.standardValues : Base64.urlValues }
    }

    /// Encodes `bytes`, with `=` padding to a multiple of 4 characters unless `padded` is false.
    public static func encode<Bytes: Collection>(
        _ bytes: Bytes, alphabet: Alphabet = .standard, padded: Bool = true
    ) -> String where Bytes.Element == UInt8 {
        let symbols = alphabet.symbols
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var iterator = bytes.makeIterator()
        while let b0 = iterator.next() {
            let b1 = iterator.next()
            let b2 = iterator.next()
            let group = UInt32(b0) << 16 | UInt32(b1 ?? 0) << 8 | UInt32(b2 ?? 0)
            out.append(symbols[Int(group >> 18 & 63)])
            out.append(symbols[Int(group >> 12 & 63)])
            if b1 != nil { out.append(symbols[Int(group >> 6 & 63)]) } else if padded { out.append(pad) }
            if b2 != nil { out.append(symbols[Int(group & 63)]) } else if padded { out.append(pad) }
            if b2 == nil { break }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes `text`, with or without correct `=` padding. Returns nil for characters outside the alphabet
    /// (including whitespace), misplaced or excess padding, or an impossible length. Unused low bits of the
    /// last symbol are ignored, as common decoders do.
    public static func decode(_ text: String, alphabet: Alphabet = .standard) -> [UInt8]? {
        var symbols = Array(text.utf8)
        if symbols.count % 4 == 0 {
            if symbols.last == pad { symbols.removeLast() }
            if symbols.last == pad { symbols.removeLast() }
        }
        guard symbols.count % 4 != 1 else { return nil }
        let values = alphabet.values
        var out: [UInt8] = []
        out.reserveCapacity(symbols.count * 3 / 4)
        var accumulator: UInt32 = 0
        var bits = 0
        for symbol in symbols {
            let value = values[Int(symbol)]
            guard value != 0xFF else { return nil }
            accumulator = accumulator << 6 | UInt32(value)
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
            }
        }
        return out
    }

    /// The padding character.
    private static let pad = UInt8(ascii: "=")
    /// The standard alphabet.
    private static let standardSymbols: [UInt8] = Array(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    /// The URL-safe alphabet.
    private static let urlSymbols: [UInt8] = Array(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
    /// Reverse table of the standard alphabet.
    private static let standardValues = reverse(standardSymbols)
    /// Reverse table of the URL-safe alphabet.
    private static let urlValues = reverse(urlSymbols)

    /// Builds a 256-entry reverse lookup table.
    private static func reverse(_ symbols: [UInt8]) -> [UInt8] {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (value, symbol) in symbols.enumerated() { table[Int(symbol)] = UInt8(value) }
        return table
    }
}
