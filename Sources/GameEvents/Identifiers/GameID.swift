/// The identifier of a game, e.g. `g-q3x7k2m9ab` (the server makes `g-` and 10 base32 characters): 1-64
/// characters without whitespace, control or format characters.
///
/// Only validated values exist: build one with `init?(validating:)` (or `init?(rawValue:)`, which is the same).
public struct GameID: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The identifier as it appears on the wire.
    public let rawValue: String

    /// The identifier `text`, or nil when it breaks the rules above.
    public init?(validating text: String) {
        guard IdentifierSyntax.isValid(text) else { return nil }
        rawValue = text
    }

    /// Same as `init?(validating:)`.
    public init?(rawValue: String) {
        self.init(validating: rawValue)
    }

    /// The raw value.
    public var description: String { rawValue }
}
