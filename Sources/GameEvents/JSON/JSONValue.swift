/// A JSON value (RFC 8259 section 3), as produced by ``JSONParser`` and written by ``JSONWriter``.
///
/// Numbers keep integers exact: a literal without fraction or exponent that fits in `Int64` is ``integer(_:)``,
/// every other number is ``number(_:)`` (so `1` and `1.0` are different values, and `-0` is `.number(-0.0)` to keep
/// its sign). Readers that want "an integer" should accept both, see ``JSONValue/int64Value``.
///
/// Equality is structural, except that objects compare as unordered maps (RFC 8259 section 4: "An object is an
/// unordered collection").
public enum JSONValue: Equatable, Sendable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// An integer literal that fits in `Int64`, kept exact.
    case integer(Int64)
    /// Any other number: with a fraction or exponent, `-0`, or an integer beyond `Int64`. Always finite.
    case number(Double)
    /// A string (any Unicode scalars, including U+0000).
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object: members with unique names, in the order they were read or added.
    case object(JSONObject)
}
