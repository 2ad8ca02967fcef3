/// Incremental RFC 6455 message reader: bytes in, one ``WebSocketEvent`` out per call. Pure: no I/O, no clock.
///
/// ## Design
/// - **Headers are never consumed partially.** A header (2-14 bytes) is decoded only when all of it is present;
///   until then `next` answers `.needMoreData` and leaves `offset` alone, so the caller passes those bytes again.
///   Each rule is checked as soon as the bytes it needs are present (RSV/opcode/sequence on byte 0, mask/control
///   length on byte 1, 64-bit MSB on byte 2, message size once the length is known), so a broken header fails at
///   the same point whether it arrives whole or byte by byte.
/// - **Zero-copy fast path.** An unfragmented data frame that is entirely in the input is unmasked in place (8 bytes
///   at a time), UTF-8 checked when text, consumed, and delivered as a pointer into the caller's buffer. Nothing is
///   allocated.
/// - **Assembly path.** A data frame of a fragmented message, or one whose payload has not fully arrived, has its
///   header consumed; then whatever payload is present is unmasked while being copied into an ``AssemblyBuffer``
///   owned by the reader, UTF-8 validated incrementally (so invalid text fails fast, before the rest arrives),
///   and consumed. The caller's buffer therefore never has to hold more than one partial header plus whatever
///   the reader has not been asked about yet. The finished message is delivered from the assembly buffer, which is
///   freed on the following call.
/// - **Control frames** (at most 125 bytes, RFC 6455 5.5) wait until complete and are delivered zero-copy; they may
///   arrive between the fragments of a data message.
/// - **Failures are sticky**: after a `.failure`, every call returns it again.
/// - **permessage-deflate** (RFC 7692), when enabled with `compression: true` after a successful negotiation:
///   RSV1 is then allowed on the first frame of a text or binary message and marks the whole message as
///   compressed; it stays a protocol error (1002) on control frames and continuation frames (RFC 7692 6.1), as do
///   RSV2 and RSV3. The reader does not inflate: it delivers the compressed payload as a `.text` or `.binary`
///   event and sets ``lastMessageCompressed``; the caller inflates (``DeflateCodec``) and validates the UTF-8 of
///   text afterwards, since compressed bytes cannot be checked (so no fail-fast 1007 for compressed text). The
///   size limit applies to the compressed payload with a little slack for incompressible data (see
///   ``compressedSizeLimit``); the inflated size is the caller's to bound (``DeflateCodec`` does it while
///   inflating).
///
/// The struct is 88 bytes and holds no heap memory while idle apart from an empty ``AssemblyBuffer`` object
/// once one was needed (free it with ``reset()`` when ``isIdle``). Do not copy a reader that is mid-message: copies
/// share the assembly buffer.
public struct MessageReader {
    /// Which masking rule applies to incoming frames.
    let role: WebSocketRole
    /// Whether permessage-deflate was negotiated: RSV1 may then mark a data message as compressed.
    public let compression: Bool
    /// Largest message (sum of fragments) accepted; a header that would exceed it fails with 1009.
    public let maxMessageSize: Int

    /// Holds the partial message on the assembly path; allocated on first need, storage freed between messages.
    var assembly: AssemblyBuffer?
    /// The data message being assembled; `.none` between messages.
    var message: MessageKind = .none
    /// UTF-8 state of the text message being assembled.
    var validator = UTF8Validator()
    /// A data frame's header was consumed and `frameRemaining` payload bytes are still to come.
    var inFrame = false
    /// FIN bit of the frame in progress.
    var frameFin = false
    /// Whether the frame in progress is masked.
    var frameMasked = false
    /// RSV1 was set on the first frame of the current (or last delivered) data message (RFC 7692 6).
    var messageCompressed = false
    /// Key phase (0-3) of the next payload byte of the frame in progress.
    var framePhase = 0
    /// Masking key of the frame in progress (big-endian bytes = wire order).
    var frameMaskKey: UInt32 = 0
    /// Payload bytes of the frame in progress not yet received.
    var frameRemaining = 0
    /// The previous call delivered a message from `assembly`; free its storage on the next call.
    var releasePending = false
    /// Set once the peer broke the protocol; returned by every later call.
    var failure: (code: CloseCode, reason: String)?

    /// The kind of data message being assembled.
    enum MessageKind: UInt8 {
        /// No data message in progress.
        case none
        /// A text message: its bytes are UTF-8 validated as they arrive.
        case text
        /// A binary message.
        case binary
    }

    /// A reader for one connection. `maxMessageSize` bounds a whole (possibly fragmented) data message;
    /// `compression` accepts permessage-deflate messages (only after it was negotiated, RFC 7692).
    public init(role: WebSocketRole, maxMessageSize: Int, compression: Bool = false) {
        precondition(maxMessageSize >= 0, "maxMessageSize must not be negative")
        self.role = role
        self.compression = compression
        self.maxMessageSize = maxMessageSize
    }

    /// True when no partial message is held (used by the idle-memory path and by tests).
    public var isIdle: Bool { message == .none && !inFrame }

    /// Whether the message of the last `.text` or `.binary` event was compressed (RSV1 on its first frame,
    /// RFC 7692 6): its payload must be inflated, and text validated as UTF-8 after that. Always false without
    /// `compression`. Read it right after the event.
    public var lastMessageCompressed: Bool { messageCompressed }

    /// The largest compressed payload accepted for a message: `maxMessageSize` plus 1/32 and 64 bytes, because
    /// DEFLATE makes incompressible data slightly larger (stored blocks cost 5 bytes each, and small-memory
    /// compressors use short ones) and a message within the limit must not be refused for its compressed size.
    /// The inflated size is bounded separately, by the caller.
    public var compressedSizeLimit: Int {
        let (limit, overflow) = maxMessageSize.addingReportingOverflow((maxMessageSize >> 5) &+ 64)
        return overflow ? Int.max : limit
    }

    /// Frees any assembly buffer and returns the reader to its initial state (a held partial message and a sticky
    /// failure are dropped). Cheap; meant for idle connections, where ``isIdle`` is true.
    public mutating func reset() {
        self = MessageReader(role: role, maxMessageSize: maxMessageSize, compression: compression)
    }

    /// Reads the next event from input[offset...], advancing `offset` past consumed bytes. Pointers in the returned
    /// event stay valid until the next call to next() or reset(), or until the caller changes/moves the buffer.
    /// Caller contract: bytes not consumed are passed again on the next call (possibly moved to a different address,
    /// with more bytes appended). The reader unmasks in place in `input`.
    public mutating func next(_ input: UnsafeMutableRawBufferPointer, offset: inout Int) -> WebSocketEvent {
        if let failure { return .failure(failure.code, reason: failure.reason) }
        if releasePending {
            assembly?.release()
            releasePending = false
        }
        precondition(offset >= 0 && offset <= input.count, "offset outside the input buffer")
        guard let base = input.baseAddress else { return .needMoreData }
        let end = input.count
        while true {
            if inFrame {
                if let event = readPayload(base, end: end, offset: &offset) { return event }
                continue
            }
            switch parseHeader(base + offset, available: end - offset) {
            case .needMoreData:
                return .needMoreData
            case .failure(let code, let reason):
                return fail(code, reason)
            case .header(let header):
                if header.opcode.isControl {
                    return readControlFrame(header, base, end: end, offset: &offset)
                }
                if message == .none && header.fin && end - offset - header.headerLength >= header.payloadLength {
                    return readWholeFrame(header, base + offset, offset: &offset)
                }
                beginAssembling(header, offset: &offset)
            }
        }
    }

    /// Records a protocol failure, drops any partial message, and returns the event.
    mutating func fail(_ code: CloseCode, _ reason: String) -> WebSocketEvent {
        failure = (code, reason)
        assembly = nil
        inFrame = false
        message = .none
        return .failure(code, reason: reason)
    }
}
