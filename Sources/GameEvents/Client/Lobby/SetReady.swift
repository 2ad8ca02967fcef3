/// `lobby:ready` payload: `{"ready": bool}`.
public struct SetReady: Equatable, Sendable {
    /// Whether the player is ready to play.
    public var ready: Bool

    /// A ready (or not ready) signal.
    public init(ready: Bool) {
        self.ready = ready
    }
}

extension SetReady: WirePayload {
    init(reading payload: PayloadReader) throws(EventDecodingError) {
        ready = try payload.bool("ready")
    }

    func write(to writer: inout JSONWriter) {
        writer.member("ready", ready)
    }
}
