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
