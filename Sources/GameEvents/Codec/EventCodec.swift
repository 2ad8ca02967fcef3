/// Messages to and from bytes: the one place that knows the envelope's JSON shape.
///
/// - Server side: `decodeClient(_:)` for every text frame, `encode(_:replyTo:timestamp:)` once per outgoing event
///   (a broadcast encodes once and shares the bytes).
/// - Client side (the Swift SDK, the load tool, end-to-end tests): `encode(_:timestamp:)` and `decodeServer(_:)`.
///
/// Encoding writes JSON directly with ``JSONWriter``, member order fixed: `type`, `payload`, then `id`/`replyTo`,
/// then `timestamp` (docs/protocol.md shows the server's messages byte for byte as this writes them).
public enum EventCodec {
    /// A reasonable first allocation for one encoded event; bigger ones (history pages) grow once or twice.
    static let initialCapacity = 256
    /// The first allocation for a `game:state`: typically 260-300 bytes, 384 with every number at its longest
    /// plausible length (hundreds of thousands of ticks and inputs, a 13-digit timestamp), so the hot path
    /// allocates exactly once.
    static let stateCapacity = 384

    /// The first allocation for encoding `event`.
    @inline(__always) static func initialCapacity(for event: ServerEvent) -> Int {
        if case .gameState = event { return stateCapacity }
        return initialCapacity
    }
}
