/// `connection.error` payload: why the token was refused. The server closes with 4001 right after.
public struct ConnectionError: Equatable, Sendable {
    /// A stable `token_*` code (docs/protocol.md, "Connecting"); the set belongs to the session layer.
    public var code: String
    /// A human-readable explanation.
    public var message: String

    /// An error with `code` and `message`.
    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }
}

extension ConnectionError: WirePayload {
    init(reading payload: PayloadReader) throws(EventDecodingError) {
        code = try payload.string("code")
        message = try payload.string("message")
    }

    func write(to writer: inout JSONWriter) {
        writer.member("code", code)
        writer.member("message", message)
    }
}
