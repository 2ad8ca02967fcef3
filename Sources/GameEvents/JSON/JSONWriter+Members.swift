/// `"name":value` in one call, for encoders whose member names are literals.
extension JSONWriter {
    /// Writes a member with a string value (a short one that needs no escaping in one append).
    public mutating func member(_ name: StaticString, _ value: String) {
        var value = value
        let done = Self.fitsScratch(name) && value.withUTF8 { utf8 in appendPlainMember(name, utf8) }
        if !done {
            literalKey(name)
            string(value)
        }
    }

    /// Writes a member with an integer value, in one append.
    public mutating func member(_ name: StaticString, _ value: Int64) {
        guard Self.fitsScratch(name) else {
            literalKey(name)
            return integer(value)
        }
        let comma = needsComma
        appendScratch { cursor in
            cursor.putKey(name, comma: comma)
            cursor.putDecimal(value)
        }
        valueWritten()
    }

    /// Writes a member with a boolean value, in one append.
    public mutating func member(_ name: StaticString, _ value: Bool) {
        guard Self.fitsScratch(name) else {
            literalKey(name)
            return bool(value)
        }
        let comma = needsComma
        appendScratch { cursor in
            cursor.putKey(name, comma: comma)
            cursor.put(value ? "true" : "false")
        }
        valueWritten()
    }

    /// Writes `"name":{`: a member whose value is an object, opened (close it with ``endObject()``).
    mutating func objectKey(_ name: StaticString) {
        guard Self.fitsScratch(name) else {
            literalKey(name)
            return beginObject()
        }
        let comma = needsComma
        appendScratch { cursor in
            cursor.putKey(name, comma: comma)
            cursor.put(UInt8(ascii: "{"))
        }
        needsComma = false
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
