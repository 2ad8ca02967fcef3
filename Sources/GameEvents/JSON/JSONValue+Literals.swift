/// Literal syntax for building values in code and tests: `["a": 1, "b": [true, "x"]]`.
extension JSONValue: ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByStringLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    /// `true` or `false`.
    public init(booleanLiteral value: Bool) { self = .bool(value) }

    /// An integer literal becomes ``integer(_:)``.
    public init(integerLiteral value: Int64) { self = .integer(value) }

    /// A floating-point literal becomes ``number(_:)``.
    public init(floatLiteral value: Double) { self = .number(value) }

    /// A string literal.
    public init(stringLiteral value: String) { self = .string(value) }

    /// An array literal.
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }

    /// A dictionary literal becomes an object with the members in literal order; names must be unique.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(JSONObject(uniqueKeysWithValues: elements))
    }
}
