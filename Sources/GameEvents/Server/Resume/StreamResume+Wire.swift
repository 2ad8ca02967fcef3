/// Reading and writing a stream; the caller names the elements' member (`messages`, `events`) and says how to read
/// and write one element.
extension StreamResume {
    /// Reads a stream object. `recovered` needs the elements member; `gap` needs `missed` (at least 1) and takes
    /// the elements member as empty when absent; `reset` ignores both.
    init(reading payload: PayloadReader, elementsKey: String,
         element: (PayloadReader) throws(EventDecodingError) -> Element) throws(EventDecodingError) {
        switch try payload.enumeration("status", as: ResumeStatus.self) {
        case .recovered:
            self = .recovered(try payload.objects(elementsKey, element))
        case .gap:
            let missed = Int(try payload.integer("missed", in: 1...Int64.max))
            self = .gap(missed: missed, rest: try payload.objectsIfPresent(elementsKey, element) ?? [])
        case .reset:
            self = .reset
        }
    }

    /// Writes the stream's members: `status`, then `missed` for a gap, then the elements (not for `reset`).
    func write(to writer: inout JSONWriter, elementsKey: StaticString,
               element: (Element, inout JSONWriter) -> Void) {
        writer.member("status", status.rawValue)
        if case .gap(let missed, _) = self { writer.member("missed", Int64(missed)) }
        if case .reset = self { return }
        writer.literalKey(elementsKey)
        writer.beginArray()
        for item in elements {
            writer.beginObject()
            element(item, &writer)
            writer.endObject()
        }
        writer.endArray()
    }
}
