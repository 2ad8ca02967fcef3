import CZlib

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Compresses and decompresses whole permessage-deflate messages (RFC 7692 7.2) without context takeover.
///
/// Because ``PerMessageDeflate`` always negotiates `server_no_context_takeover` and `client_no_context_takeover`,
/// every message starts from an empty LZ77 window, so the zlib streams carry nothing from one message to the next
/// and one codec can serve every connection of an event loop: one deflater per window size in use (normally only
/// 15) and one inflater, each reset after every message. The streams are created on first use, so a codec that is
/// never used costs a few dozen bytes.
///
/// Results are borrowed: the bytes returned by ``compress(_:windowBits:)`` and ``decompress(_:maxSize:)`` live in
/// the codec's scratch buffers (one per direction, so a handler may compress while it holds an inflated message)
/// and stay valid until the next call in the same direction or ``trim(_:keepingUpTo:)`` of that buffer. Not
/// thread-safe: one codec per thread.
public final class DeflateCodec {
    /// The outcome of ``decompress(_:maxSize:)``.
    public enum Decompressed {
        /// The inflated message (borrowed, see the type's documentation).
        case message(UnsafeRawBufferPointer)
        /// Inflating went past `maxSize`; it stopped there (the caller closes with 1009).
        case tooBig
        /// The payload is not a valid DEFLATE message (the caller closes with 1007).
        case corrupt
    }

    /// zlib compression level (1 fastest ... 9 smallest).
    public let level: Int32
    /// zlib `memLevel` (1...9): the size of the deflater's hash table, which every reset clears.
    public let memoryLevel: Int32

    /// Deflaters by window bits (index 9...15), created on first use.
    private var deflaters: [UnsafeMutablePointer<z_stream>?] = Array(repeating: nil, count: 16)
    /// The inflater (window 15 reads any smaller window), created on first use.
    private var inflater: UnsafeMutablePointer<z_stream>?
    /// Where compressed output goes.
    private var deflated = DeflateScratch()
    /// Where inflated output goes.
    private(set) var inflated = DeflateScratch()

    /// Scratch kept between messages by ``trim(_:keepingUpTo:)``'s default: larger buffers are freed.
    public static let retainedScratch = 256 * 1024

    /// The 4 octets RFC 7692 7.2.1 strips after compressing and 7.2.2 appends before inflating.
    static let trailer: [UInt8] = [0x00, 0x00, 0xFF, 0xFF]

    /// A codec; `level` and `memoryLevel` tune only our compressor (the peer's choices need nothing from us).
    /// The defaults favour speed for small realtime messages: memory level 6 keeps the per-message hash reset
    /// at 16 KiB instead of zlib's default 64 KiB.
    public init(level: Int = 6, memoryLevel: Int = 6) {
        precondition((1...9).contains(level) && (1...9).contains(memoryLevel), "zlib level and memLevel are 1...9")
        self.level = Int32(level)
        self.memoryLevel = Int32(memoryLevel)
    }

    deinit {
        for case let stream? in deflaters {
            deflateEnd(stream)
            stream.deallocate()
        }
        if let inflater {
            inflateEnd(inflater)
            inflater.deallocate()
        }
        deflated.deallocate()
        inflated.deallocate()
    }

    /// One of the two scratch buffers.
    public enum Scratch: Sendable {
        /// Holds the result of ``compress(_:windowBits:)``.
        case compressed
        /// Holds the message returned by ``decompress(_:maxSize:)``.
        case inflated
    }

    /// Frees a scratch buffer if it is larger than `limit` bytes (a large message should not pin its size for
    /// good); call it once the borrowed result in that buffer is no longer used, since it invalidates it.
    public func trim(_ scratch: Scratch, keepingUpTo limit: Int = DeflateCodec.retainedScratch) {
        switch scratch {
        case .compressed: deflated.trim(keepingUpTo: limit)
        case .inflated: inflated.trim(keepingUpTo: limit)
        }
    }

    // MARK: Compressing

    /// `message` compressed as RFC 7692 7.2.1 describes: DEFLATE from an empty window with a window of
    /// 2^`windowBits` (9...15), ended by a sync flush whose trailing `00 00 FF FF` is removed. The result is the
    /// payload of a frame with RSV1 set.
    public func compress(_ message: UnsafeRawBufferPointer, windowBits: Int = 15) -> UnsafeRawBufferPointer {
        precondition((9...15).contains(windowBits), "permessage-deflate window bits are 9...15 with zlib")
        precondition(message.count <= Int(UInt32.max), "message too large for one zlib call")
        let stream = deflater(windowBits: windowBits)
        defer { deflateReset(stream) }  // no context takeover: the next message starts from an empty window
        deflated.reserve(Int(deflateBound(stream, uLong(message.count))) + 16)
        stream.pointee.next_in = UnsafeMutablePointer(
            mutating: message.baseAddress?.assumingMemoryBound(to: Bytef.self))
        stream.pointee.avail_in = uInt(message.count)
        var produced = 0
        while true {
            stream.pointee.next_out = (deflated.base! + produced).assumingMemoryBound(to: Bytef.self)
            stream.pointee.avail_out = uInt(deflated.capacity - produced)
            let status = deflate(stream, Z_SYNC_FLUSH)
            guard status == Z_OK || status == Z_BUF_ERROR else { fatalError("zlib deflate failed: \(status)") }
            produced = deflated.capacity - Int(stream.pointee.avail_out)
            if stream.pointee.avail_out != 0 { break }
            deflated.reserve(deflated.capacity * 2)  // more than deflateBound: zlib asks for another call
        }
        // A sync flush always ends with an empty stored block: drop its `00 00 FF FF`.
        if produced >= 4
            && UInt32(bigEndian: deflated.base!.loadUnaligned(fromByteOffset: produced - 4, as: UInt32.self))
                == 0x0000_FFFF
        {
            produced -= 4
        }
        return UnsafeRawBufferPointer(start: deflated.base, count: produced)
    }

    /// The deflater for `windowBits`, created on first use.
    private func deflater(windowBits: Int) -> UnsafeMutablePointer<z_stream> {
        if let stream = deflaters[windowBits] { return stream }
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let status = lobby_deflate_init_raw(stream, level, Int32(windowBits), memoryLevel)
        guard status == Z_OK else { fatalError("zlib deflateInit2 failed: \(status)") }
        deflaters[windowBits] = stream
        return stream
    }

    // MARK: Decompressing

    /// Inflates the payload of a compressed message (RFC 7692 7.2.2: the payload with `00 00 FF FF` appended),
    /// stopping as soon as the output would exceed `maxSize` bytes, so a small "zip bomb" costs at most
    /// `maxSize + 1` bytes of memory and the work to produce them.
    public func decompress(_ payload: UnsafeRawBufferPointer, maxSize: Int) -> Decompressed {
        precondition(maxSize >= 0 && payload.count <= Int(UInt32.max), "bad permessage-deflate input")
        let stream = inflater ?? makeInflater()
        defer { inflateReset(stream) }  // no context takeover: the next message starts from an empty window
        var inflation = Inflation(stream: stream, limit: maxSize)
        inflated.reserve(min(inflation.capacityLimit, max(payload.count * 4, 1024)))
        if let outcome = inflation.run(payload, into: &inflated, isTrailer: false) { return outcome }
        let outcome = DeflateCodec.trailer.withUnsafeBytes { inflation.run($0, into: &inflated, isTrailer: true) }
        if let outcome { return outcome }
        // The message must end on a block boundary (a sync flush does): anything else was cut short.
        guard stream.pointee.data_type & 128 != 0 else { return .corrupt }
        return .message(UnsafeRawBufferPointer(start: inflated.base, count: inflation.produced))
    }

    /// Creates the inflater (raw DEFLATE, largest window).
    private func makeInflater() -> UnsafeMutablePointer<z_stream> {
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let status = lobby_inflate_init_raw(stream, 15)
        guard status == Z_OK else { fatalError("zlib inflateInit2 failed: \(status)") }
        inflater = stream
        return stream
    }
}
