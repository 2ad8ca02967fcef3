/// Writing payload structs nested in other payloads.
extension JSONWriter {
    /// Writes `"name":[{...},{...}]`, each element an object with the payload's members.
    mutating func writeArray<Payload: WirePayload>(_ name: StaticString, of elements: [Payload]) {
        literalKey(name)
        beginArray()
        for element in elements {
            beginObject()
            element.write(to: &self)
            endObject()
        }
        endArray()
    }
}

extension JSONWriter {
    /// Writes `"name":{...}` with the payload's members.
    mutating func writeObject<Payload: WirePayload>(_ name: StaticString, _ payload: Payload) {
        objectKey(name)
        payload.write(to: &self)
        endObject()
    }

    /// Writes `"name":{...}` when `payload` is present, nothing otherwise.
    mutating func writeObject<Payload: WirePayload>(_ name: StaticString, ifPresent payload: Payload?) {
        if let payload { writeObject(name, payload) }
    }
}
