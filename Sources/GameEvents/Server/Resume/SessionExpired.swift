/// `session.expired` payload: `{"reason"}`, the answer to a `session.resume` that cannot be honoured. The new
/// connection stays open as a fresh session; the client reloads its state.
public struct SessionExpired: Equatable, Sendable {
    /// Why.
    public var reason: SessionExpiredReason

    /// An expired session.
    public init(reason: SessionExpiredReason) {
        self.reason = reason
    }
}

extension SessionExpired: WirePayload {
    init(reading payload: PayloadReader) throws(EventDecodingError) {
        reason = try payload.enumeration("reason")
    }

    func write(to writer: inout JSONWriter) {
        writer.member("reason", reason.rawValue)
    }
}
