#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A growable malloc'd byte buffer that ``DeflateCodec`` reuses from message to message, so compressing or
/// inflating allocates only when a message is larger than any before it (or after a trim).
struct DeflateScratch {
    /// Start of the storage; nil while empty.
    private(set) var base: UnsafeMutableRawPointer?
    /// Bytes allocated at `base`.
    private(set) var capacity = 0

    /// Makes the storage at least `count` bytes, keeping its contents.
    mutating func reserve(_ count: Int) {
        guard count > capacity else { return }
        guard let storage = realloc(base, count) else {
            fatalError("out of memory reserving \(count) bytes for permessage-deflate")
        }
        base = storage
        capacity = count
    }

    /// Frees the storage when it is larger than `limit` bytes.
    mutating func trim(keepingUpTo limit: Int) {
        guard capacity > limit else { return }
        free(base)
        base = nil
        capacity = 0
    }

    /// Frees the storage (called by the codec's `deinit`; the struct is never copied).
    mutating func deallocate() { trim(keepingUpTo: -1) }
}
