/// A decoded server message (for clients and tests): the event, the `id` of the client message it answers, and
/// the server's timestamp.
public struct ServerMessage: Equatable, Sendable {
    /// The event.
    public let event: ServerEvent
    /// The `id` of the client message this answers, if any.
    public let replyTo: String?
    /// When the server sent it, in milliseconds since the epoch (always present in what our server sends).
    public let timestamp: Int64?

    /// A message with `event`.
    public init(event: ServerEvent, replyTo: String? = nil, timestamp: Int64? = nil) {
        self.event = event
        self.replyTo = replyTo
        self.timestamp = timestamp
    }
}
