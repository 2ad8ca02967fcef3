#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The bytes of a message that did not arrive in one piece: a fragmented message, or a frame whose payload straddles
/// reads. Owned by one ``MessageReader``; its storage is malloc'd only while a message needs it and freed by
/// ``release()`` (and by `deinit`, so dropping a reader never leaks).
///
/// Storage grows geometrically as payload bytes actually arrive, never merely because a header announced a large
/// length, so a slow peer cannot pin `maxMessageSize` bytes per connection by sending headers alone.
final class AssemblyBuffer {
    /// Start of the storage; nil while released.
    private(set) var base: UnsafeMutableRawPointer?
    /// Bytes allocated at `base`.
    private(set) var capacity = 0
    /// Bytes of message assembled so far.
    var count = 0

    /// Smallest allocation, so short fragmented messages do not realloc on every fragment.
    static let minimumCapacity = 256

    /// An empty buffer without storage.
    init() {}

    deinit { free(base) }

    /// Room for `additional` more bytes after `count`; grows to at most `limit` total when doubling would exceed it
    /// (but always to at least `count + additional`). Returns where the next bytes go.
    func reserve(_ additional: Int, limit: Int) -> UnsafeMutableRawPointer {
        let needed = count + additional
        if needed > capacity {
            let grown = min(max(capacity &* 2, AssemblyBuffer.minimumCapacity), limit)
            let newCapacity = max(grown, needed)
            guard let storage = realloc(base, newCapacity) else {
                fatalError("out of memory assembling a \(newCapacity)-byte WebSocket message")
            }
            base = storage
            capacity = newCapacity
        }
        return base! + count
    }

    /// The assembled bytes.
    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }

    /// Frees the storage; the buffer is empty afterwards.
    func release() {
        free(base)
        base = nil
        capacity = 0
        count = 0
    }
}
