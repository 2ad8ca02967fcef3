/// How far a user has read a conversation.
public struct ReadMarker: Sendable, Equatable {
    /// The newest message id the reader has seen.
    public var lastReadId: Int64
    /// When the marker last moved (Unix milliseconds).
    public var readAt: Int64

    /// Creates a marker.
    public init(lastReadId: Int64, readAt: Int64) {
        self.lastReadId = lastReadId
        self.readAt = readAt
    }
}
