/// `system.heartbeat` payload: `{"clientTime"?: integer}`, echoed back in `system.heartbeat.ack`.
public struct Heartbeat: Equatable, Sendable {
    /// The client's clock when it sent the heartbeat (milliseconds since the epoch, by convention), if given.
    public var clientTime: Int64?

    /// A heartbeat, optionally carrying the client's time.
    public init(clientTime: Int64? = nil) {
        self.clientTime = clientTime
    }
}

extension Heartbeat: WirePayload {
    init(reading payload: PayloadReader) throws(EventDecodingError) {
        clientTime = try payload.integerIfPresent("clientTime")
    }

    func write(to writer: inout JSONWriter) {
        writer.member("clientTime", ifPresent: clientTime)
    }
}
