import Glibc

/// A malloc'd byte queue holding `[start, end)` of its storage: a connection's unsent output, or the unparsed tail
/// of its input. Grows by `realloc`, compacting first; empty buffers hold no storage once ``release()`` is called.
struct ByteBuffer {
    /// The storage; nil until the first ``reserve(_:)``.
    private(set) var base: UnsafeMutableRawPointer?
    /// Offset of the first unconsumed byte.
    private(set) var start = 0
    /// Offset just past the last byte.
    private(set) var end = 0
    /// Bytes allocated at `base`.
    private(set) var capacity = 0

    /// Bytes held.
    var count: Int { end &- start }

    /// True when no byte is held.
    var isEmpty: Bool { start == end }

    /// The bytes held (valid until the buffer changes).
    var readable: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base.map { $0 + start }, count: count) }

    /// Makes room for `additional` bytes after `end` and returns where they go; call ``commit(_:)`` after writing.
    @inline(__always)
    mutating func reserve(_ additional: Int) -> UnsafeMutableRawPointer {
        if capacity &- end < additional { grow(additional) }
        return base.unsafelyUnwrapped + end
    }

    /// Marks `written` bytes after `end` as held.
    @inline(__always)
    mutating func commit(_ written: Int) { end &+= written }

    /// Appends a copy of `bytes`.
    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        reserve(bytes.count).copyMemory(from: source, byteCount: bytes.count)
        end &+= bytes.count
    }

    /// Drops `n` bytes from the front; an emptied buffer starts over at offset 0.
    @inline(__always)
    mutating func consume(_ n: Int) {
        start &+= n
        if start == end { clear() }
    }

    /// Drops every byte but keeps the storage.
    @inline(__always)
    mutating func clear() {
        start = 0
        end = 0
    }

    /// Drops every byte and frees the storage.
    mutating func release() {
        free(base)
        base = nil
        start = 0
        end = 0
        capacity = 0
    }

    /// Compacts, then reallocs to at least `count + additional` (doubling, from 256 bytes).
    private mutating func grow(_ additional: Int) {
        let held = count
        if start > 0, let base {
            memmove(base, base + start, held)
            start = 0
            end = held
            if capacity &- end >= additional { return }
        }
        var newCapacity = Swift.max(capacity, 256)
        while newCapacity < held + additional { newCapacity &*= 2 }
        guard let storage = realloc(base, newCapacity) else { fatalError("lobby-bench: out of memory") }
        base = storage
        capacity = newCapacity
    }
}
