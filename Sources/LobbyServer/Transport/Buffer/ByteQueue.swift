import Glibc

/// A growable FIFO of bytes with manual storage: the per-connection inbound leftovers (a partial frame or an
/// unfinished HTTP head) and TLS ciphertext waiting for the socket.
///
/// Storage is allocated on first use and released by `release()` when the queue empties on a connection that
/// may sit idle, so 10,000 idle connections hold no buffers. Not copyable in spirit: it is owned by exactly one
/// connection, which calls `release()` before it goes away.
struct ByteQueue {
    private(set) var base: UnsafeMutableRawPointer?
    private(set) var start = 0
    private(set) var end = 0
    private(set) var capacity = 0

    /// Bytes waiting to be consumed.
    @inline(__always) var count: Int { end - start }
    /// True when nothing is queued.
    @inline(__always) var isEmpty: Bool { end == start }

    /// The queued bytes, mutable (the WebSocket reader unmasks in place).
    @inline(__always) var readable: UnsafeMutableRawBufferPointer {
        guard let base else { return UnsafeMutableRawBufferPointer(start: nil, count: 0) }
        return UnsafeMutableRawBufferPointer(start: base + start, count: end - start)
    }

    /// Appends a copy of `bytes`.
    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        guard bytes.count > 0 else { return }
        reserveWritable(bytes.count)
        (base! + end).copyMemory(from: bytes.baseAddress!, byteCount: bytes.count)
        end += bytes.count
    }

    /// Makes room for at least `n` more bytes at the end and returns the writable region (for `read(2)` into it).
    @discardableResult mutating func reserveWritable(_ n: Int) -> UnsafeMutableRawBufferPointer {
        if capacity - end < n {
            if start > 0 && capacity - count >= n {
                compact()
            } else {
                grow(to: max(count + n, capacity * 2, 256))
            }
        }
        return UnsafeMutableRawBufferPointer(start: base! + end, count: capacity - end)
    }

    /// Records that `n` bytes were written into the region returned by `reserveWritable`.
    @inline(__always) mutating func didWrite(_ n: Int) { end += n }

    /// Drops `n` bytes from the front. Resets to the start of storage when empty.
    @inline(__always) mutating func consume(_ n: Int) {
        start += n
        if start == end { start = 0; end = 0 }
    }

    /// Drops everything and frees the storage.
    mutating func release() {
        free(base)
        base = nil; start = 0; end = 0; capacity = 0
    }

    private mutating func compact() {
        guard start > 0, let base else { return }
        if count > 0 { base.copyMemory(from: base + start, byteCount: count) }
        end = count; start = 0
    }

    private mutating func grow(to newCapacity: Int) {
        compact()
        base = realloc(base, newCapacity)
        precondition(base != nil, "out of memory growing a byte queue to \(newCapacity) bytes")
        capacity = newCapacity
    }
}
