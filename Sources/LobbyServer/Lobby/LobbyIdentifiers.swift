/// Server-made identifiers for lobbies and invitations: a prefix and 10 characters of Crockford's base32 alphabet
/// in lower case (50 random bits), e.g. `l-7k3q9x0m2a`.
enum LobbyIdentifiers {
    /// The base32 digits (no i, l, o, u: they read as 1, 1, 0, v).
    private static let alphabet = Array("0123456789abcdefghjkmnpqrstvwxyz".utf8)
    /// Characters after the prefix.
    static let randomLength = 10

    /// `prefix` followed by ``randomLength`` random base32 characters drawn from `random`.
    static func make(prefix: String, using random: inout some RandomNumberGenerator) -> String {
        var bits = random.next()
        var text = Array(prefix.utf8)
        for _ in 0..<randomLength {
            text.append(alphabet[Int(bits & 31)])
            bits >>= 5
        }
        return String(decoding: text, as: UTF8.self)
    }
}
