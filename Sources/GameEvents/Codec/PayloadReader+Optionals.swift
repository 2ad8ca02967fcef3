/// Optional members of the kinds ``PayloadReader`` reads, and validated string values of any type.
extension PayloadReader {
    /// An optional boolean member.
    func boolIfPresent(_ key: String) throws(EventDecodingError) -> Bool? {
        try readIfPresent(key, "must be true or false", \.boolValue)
    }

    /// An optional member whose value is one of the raw values of `T`.
    func enumerationIfPresent<T: RawRepresentable & CaseIterable>(_ key: String, as type: T.Type = T.self)
        throws(EventDecodingError) -> T?
    where T.RawValue == String {
        guard optionalValue(key) != nil else { return nil }
        return try enumeration(key, as: T.self)
    }

    /// An optional nested object member, as a reader of its own.
    func objectIfPresent(_ key: String) throws(EventDecodingError) -> PayloadReader? {
        guard optionalValue(key) != nil else { return nil }
        return try object(key)
    }

    /// An optional array member whose elements are objects, each read by `element`.
    func objectsIfPresent<T>(_ key: String, _ element: (PayloadReader) throws(EventDecodingError) -> T)
        throws(EventDecodingError) -> [T]?
    {
        guard optionalValue(key) != nil else { return nil }
        return try objects(key, element)
    }

    /// A string member that must pass `T`'s validation (`PaddleColor`, `InvitationID`); `requirement` says what
    /// is expected (`a colour written #RRGGBB`).
    func validated<T: RawRepresentable>(_ key: String, requirement: String) throws(EventDecodingError) -> T
    where T.RawValue == String {
        let text = try string(key)
        guard let value = T(rawValue: text) else { throw .invalidPayload(field(key), "must be \(requirement)") }
        return value
    }

    /// A string member checked by `isValid`, or nil when absent.
    func stringIfPresent(_ key: String, requirement: String, _ isValid: (String) -> Bool)
        throws(EventDecodingError) -> String?
    {
        guard let text = try stringIfPresent(key) else { return nil }
        guard isValid(text) else { throw .invalidPayload(field(key), "must be \(requirement)") }
        return text
    }
}
