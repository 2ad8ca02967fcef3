/// Typed members: strings, identifiers, integers, booleans, enumerations, nested objects and arrays.
extension PayloadReader {
    /// A string member.
    func string(_ key: String) throws(EventDecodingError) -> String {
        try read(key, "must be a string", \.stringValue)
    }

    /// An optional string member.
    func stringIfPresent(_ key: String) throws(EventDecodingError) -> String? {
        try readIfPresent(key, "must be a string", \.stringValue)
    }

    /// A user id member.
    func userID(_ key: String) throws(EventDecodingError) -> UserID {
        try identifier(key, kind: "a user id")
    }

    /// An identifier member (`UserID`, `LobbyID`, `GameID`): a string that passes the identifier rules.
    func identifier<ID: RawRepresentable>(_ key: String, kind: String) throws(EventDecodingError) -> ID
    where ID.RawValue == String {
        let text = try string(key)
        guard let id = ID(rawValue: text) else {
            throw .invalidPayload(field(key), "must be \(kind) (\(IdentifierSyntax.requirement))")
        }
        return id
    }

    /// An optional identifier member.
    func identifierIfPresent<ID: RawRepresentable>(_ key: String, kind: String) throws(EventDecodingError) -> ID?
    where ID.RawValue == String {
        guard optionalValue(key) != nil else { return nil }
        return try identifier(key, kind: kind) as ID
    }

    /// An integer member within `range` (any JSON spelling of an integral value, see `JSONValue.int64Value`).
    func integer(_ key: String, in range: ClosedRange<Int64> = Int64.min...Int64.max)
        throws(EventDecodingError) -> Int64
    {
        try read(key, Self.integerRequirement(range)) { value in value.int64Value.flatMap { range ~= $0 ? $0 : nil } }
    }

    /// An optional integer member within `range`.
    func integerIfPresent(_ key: String, in range: ClosedRange<Int64> = Int64.min...Int64.max)
        throws(EventDecodingError) -> Int64?
    {
        guard optionalValue(key) != nil else { return nil }
        return try integer(key, in: range)
    }

    /// A message id member: a positive integer.
    func messageID(_ key: String) throws(EventDecodingError) -> MessageID {
        MessageID(rawValue: try integer(key, in: 1...Int64.max))!
    }

    /// An optional message id member.
    func messageIDIfPresent(_ key: String) throws(EventDecodingError) -> MessageID? {
        try integerIfPresent(key, in: 1...Int64.max).map { MessageID(rawValue: $0)! }
    }

    /// A boolean member.
    func bool(_ key: String) throws(EventDecodingError) -> Bool {
        try read(key, "must be true or false", \.boolValue)
    }

    /// A member whose value is one of the raw values of `T`.
    func enumeration<T: RawRepresentable & CaseIterable>(_ key: String, as type: T.Type = T.self)
        throws(EventDecodingError) -> T
    where T.RawValue == String {
        try read(key, "must be one of " + T.allCases.map(\.rawValue).joined(separator: ", ")) { value in
            value.stringValue.flatMap(T.init(rawValue:))
        }
    }

    /// A nested object member, as a reader of its own.
    func object(_ key: String) throws(EventDecodingError) -> PayloadReader {
        PayloadReader(try read(key, "must be an object", \.objectValue), path: field(key))
    }

    /// An array member whose elements are objects, each read by `element`.
    func objects<T>(_ key: String, _ element: (PayloadReader) throws(EventDecodingError) -> T)
        throws(EventDecodingError) -> [T]
    {
        let values = try read(key, "must be an array", \.arrayValue)
        var result: [T] = []
        result.reserveCapacity(values.count)
        for (position, value) in values.enumerated() {
            let path = "\(field(key))[\(position)]"
            guard let object = value.objectValue else { throw .invalidPayload(path, "must be an object") }
            result.append(try element(PayloadReader(object, path: path)))
        }
        return result
    }

    /// How an integer field's range is explained: `must be an integer from 1 to 100`.
    static func integerRequirement(_ range: ClosedRange<Int64>) -> String {
        switch (range.lowerBound, range.upperBound) {
        case (Int64.min, Int64.max): return "must be an integer"
        case (1, Int64.max): return "must be a positive integer"
        case (0, Int64.max): return "must be a non-negative integer"
        case (let low, let high): return "must be an integer from \(low) to \(high)"
        }
    }
}
