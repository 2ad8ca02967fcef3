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
}
