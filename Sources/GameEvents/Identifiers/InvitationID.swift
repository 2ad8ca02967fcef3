/// The identifier of a lobby invitation, e.g. `i-7k2m9q4x1b`: `i-` followed by 1-62 characters without whitespace,
/// control or format characters (64 in all, like every identifier). The server makes them; clients echo them back
/// in `lobby:accept` and `lobby:decline`.
///
/// Only validated values exist: build one with `init?(validating:)` (or `init?(rawValue:)`, which is the same).
public struct InvitationID: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The prefix every invitation id starts with.
    public static let prefix = "i-"
    /// How the rule is explained in error messages.
    static let requirement = "an invitation id (\"i-\" followed by 1-62 characters without whitespace or control "
        + "characters)"

    /// The identifier as it appears on the wire.
    public let rawValue: String

    /// The identifier `text`, or nil when it breaks the rules above.
    public init?(validating text: String) {
        guard text.utf8.count > Self.prefix.utf8.count, text.utf8.starts(with: Self.prefix.utf8),
            IdentifierSyntax.isValid(text)
        else { return nil }
        rawValue = text
    }

    /// Same as `init?(validating:)`.
    public init?(rawValue: String) {
        self.init(validating: rawValue)
    }

    /// The raw value.
    public var description: String { rawValue }
}
