/// `user:status` payload from a client: `{"status": "online" | "away" | "busy"}`.
public struct SetStatus: Equatable, Sendable {
    /// The status to show.
    public var status: SelfStatus

    /// A request to show `status`.
    public init(status: SelfStatus) {
        self.status = status
    }
}

extension SetStatus: WirePayload {
    init(reading payload: PayloadReader) throws(EventDecodingError) {
        status = try payload.enumeration("status")
    }

    func write(to writer: inout JSONWriter) {
        writer.member("status", status.rawValue)
    }
}
