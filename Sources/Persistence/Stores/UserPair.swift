/// Two different users in a canonical order: the pair keys friendships and conversations whichever side acts.
/// The order is SQLite's BINARY collation (the bytes of the UTF-8 text compared with `memcmp`), so Swift and the
/// schema's `CHECK (user_a < user_b)` and `min(sender, recipient)` always agree; Swift's own `String` `<`
/// compares Unicode-normalized text and would not.
struct UserPair: Hashable {
    /// The id that sorts first.
    let low: String
    /// The id that sorts last.
    let high: String

    /// The pair of `a` and `b` in canonical order (`a == b` gives a pair of equal ids; callers reject it first).
    init(_ a: String, _ b: String) {
        if Self.precedes(b, a) {
            low = b
            high = a
        } else {
            low = a
            high = b
        }
    }

    /// Whether `a` sorts before `b` under SQLite's BINARY collation.
    static func precedes(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }
}
