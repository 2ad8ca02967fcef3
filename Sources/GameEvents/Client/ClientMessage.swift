/// A decoded client message: the event and the envelope `id` its answers must carry back as `replyTo`.
public struct ClientMessage: Equatable, Sendable {
    /// The client's id for this message (1-64 characters), if it gave one.
    public let id: String?
    /// The event.
    public let event: ClientEvent

    /// A message with `event`, optionally identified by `id`.
    public init(id: String? = nil, event: ClientEvent) {
        self.id = id
        self.event = event
    }
}
