/// A payload struct's JSON form: read from a payload object, written as the members of one.
///
/// Every payload implements both directions, whichever side sends it: the server decodes client events and
/// encodes server events; the client SDK, the load tool and the end-to-end tests do the opposite.
protocol WirePayload: Sendable, Equatable {
    /// Reads the payload's members, naming the exact field in any error.
    init(reading payload: PayloadReader) throws(EventDecodingError)

    /// Writes the payload's members (the caller writes the braces), omitting absent optionals.
    func write(to writer: inout JSONWriter)
}
