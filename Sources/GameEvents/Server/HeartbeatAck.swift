/// `system.heartbeat.ack` payload: the server's time, and the client's `clientTime` echoed back if it sent one.
public struct HeartbeatAck: Equatable, Sendable {
    /// The server's clock, in milliseconds since the epoch.
    public var serverTime: Int64
    /// The heartbeat's `clientTime`, unchanged.
    public var clientTime: Int64?

    /// An answer to a heartbeat.
    public init(serverTime: Int64, clientTime: Int64? = nil) {
        self.serverTime = serverTime
        self.clientTime = clientTime
    }
}

extension HeartbeatAck: WirePayload {
    init(reading payload: PayloadReader) throws(EventDecodingError) {
        serverTime = try payload.integer("serverTime")
        clientTime = try payload.integerIfPresent("clientTime")
    }

    func write(to writer: inout JSONWriter) {
        writer.member("serverTime", serverTime)
        writer.member("clientTime", ifPresent: clientTime)
    }
}
