/// Writing a ``JSONValue`` tree (for generic JSON; events are written directly, see `EventCodec`).
extension JSONWriter {
    /// Writes `value` and everything in it.
    public mutating func value(_ value: JSONValue) {
        switch value {
        case .null: null()
        case .bool(let flag): bool(flag)
        case .integer(let number): integer(number)
        case .number(let number): self.number(number)
        case .string(let text): string(text)
        case .array(let elements):
            beginArray()
            for element in elements { self.value(element) }
            endArray()
        case .object(let object):
            beginObject()
            for (name, member) in object {
                key(name)
                self.value(member)
            }
            endObject()
        }
    }
}

extension JSONValue {
    /// The compact JSON text of this value, in UTF-8. ``JSONParser`` reads it back as an equal value.
    public func serialized() -> [UInt8] {
        var writer = JSONWriter()
        writer.value(self)
        return writer.bytes
    }
}
