/// `"name":value` in one call, for encoders whose member names are literals.
extension JSONWriter {
    /// Writes a member with a string value.
    public mutating func member(_ name: StaticString, _ value: String) {
        literalKey(name)
        string(value)
    }

    /// Writes a member with an integer value.
    public mutating func member(_ name: StaticString, _ value: Int64) {
        literalKey(name)
        integer(value)
    }

    /// Writes a member with a boolean value.
    public mutating func member(_ name: StaticString, _ value: Bool) {
        literalKey(name)
        bool(value)
    }

    /// Writes a member with a string value, or nothing when `value` is nil.
    public mutating func member(_ name: StaticString, ifPresent value: String?) {
        if let value { member(name, value) }
    }

    /// Writes a member with an integer value, or nothing when `value` is nil.
    public mutating func member(_ name: StaticString, ifPresent value: Int64?) {
        if let value { member(name, value) }
    }
}
