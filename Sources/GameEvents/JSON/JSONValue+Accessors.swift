/// Typed views of a ``JSONValue``: nil when the value is of another kind.
extension JSONValue {
    /// The member named `key` when this is an object that has it.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let object) = self else { return nil }
        return object[key]
    }

    /// The string, when this is a string.
    public var stringValue: String? {
        guard case .string(let value) = self else { return nil }
        return value
    }

    /// The boolean, when this is `true` or `false`.
    public var boolValue: Bool? {
        guard case .bool(let value) = self else { return nil }
        return value
    }

    /// The number as a `Double` (integers converted, possibly rounded beyond 2^53).
    public var doubleValue: Double? {
        switch self {
        case .integer(let value): return Double(value)
        case .number(let value): return value
        default: return nil
        }
    }

    /// The number as an exact `Int64`: an ``integer(_:)``, or a ``number(_:)`` with an integral value in range
    /// (`100.0` and `1e2` are 100; `1.5` and `1e19` are nil). JSON does not tell integers apart from other
    /// numbers (RFC 8259 section 6), so a field documented as an integer accepts all of these spellings.
    public var int64Value: Int64? {
        switch self {
        case .integer(let value):
            return value
        case .number(let value):
            // In range, then exact after truncation (-0.0 becomes 0). Not Int64(exactly:), which calls libm's
            // trunc: this module links nothing but the standard library.
            guard value >= -0x1p63 && value < 0x1p63 else { return nil }
            let truncated = Int64(value)
            return Double(truncated) == value ? truncated : nil
        default:
            return nil
        }
    }

    /// The elements, when this is an array.
    public var arrayValue: [JSONValue]? {
        guard case .array(let value) = self else { return nil }
        return value
    }

    /// The object, when this is an object.
    public var objectValue: JSONObject? {
        guard case .object(let value) = self else { return nil }
        return value
    }

    /// Whether this is `null`.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }
}
