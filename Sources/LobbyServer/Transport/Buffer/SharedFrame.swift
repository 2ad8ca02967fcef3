import Glibc
import Synchronization
import WebSocketCore

/// Immutable bytes ready for the wire, shared by reference: a WebSocket frame (header + payload) encoded once
/// and queued, without copying, on every connection that must receive it; also used for HTTP responses.
///
/// Once built it is never mutated, so it may be handed to other loop threads (that is what makes the
/// `@unchecked Sendable` true). (ManagedBuffer would save one allocation but is explicitly not Sendable.)
final class SharedFrame: @unchecked Sendable {
    /// The first byte.
    let baseAddress: UnsafeRawPointer
    /// Number of bytes.
    let count: Int
    /// The permessage-deflate version of this data frame, made by the first connection that needs it and shared
    /// by every other (see `SharedFrame+Deflate.swift`); published atomically because loops share frames.
    let deflatedTwin = AtomicLazyReference<SharedFrame>()

    private init(count: Int) {
        guard let memory = malloc(max(count, 1)) else { fatalError("out of memory allocating a \(count)-byte frame") }
        baseAddress = UnsafeRawPointer(memory)
        self.count = count
    }

    deinit { free(UnsafeMutableRawPointer(mutating: baseAddress)) }

    /// Allocates a buffer of `count` bytes and lets `fill` write them.
    static func make(count: Int, _ fill: (UnsafeMutableRawPointer) -> Void) -> SharedFrame {
        let frame = SharedFrame(count: count)
        fill(UnsafeMutableRawPointer(mutating: frame.baseAddress))
        return frame
    }

    /// Raw bytes copied from `bytes` (HTTP responses, pre-encoded data).
    static func bytes(_ bytes: [UInt8]) -> SharedFrame {
        make(count: bytes.count) { dst in
            bytes.withUnsafeBytes { if $0.count > 0 { dst.copyMemory(from: $0.baseAddress!, byteCount: $0.count) } }
        }
    }

    /// A server-to-client WebSocket frame (unmasked, FIN set) carrying a copy of `payload`.
    static func webSocket(_ opcode: Opcode, payload: UnsafeRawBufferPointer) -> SharedFrame {
        let header = FrameEncoder.headerLength(payloadLength: payload.count, masked: false)
        return make(count: header + payload.count) { dst in
            _ = FrameEncoder.writeHeader(dst, opcode: opcode, fin: true, payloadLength: payload.count, maskKey: nil)
            if payload.count > 0 { (dst + header).copyMemory(from: payload.baseAddress!, byteCount: payload.count) }
        }
    }

    /// A text frame with the UTF-8 of `text`.
    static func text(_ text: String) -> SharedFrame {
        var text = text
        return text.withUTF8 { webSocket(.text, payload: UnsafeRawBufferPointer($0)) }
    }

    /// A close frame with a status code and reason (truncated to the 123 bytes a control frame allows).
    static func close(_ code: CloseCode, reason: String) -> SharedFrame {
        let body = FrameEncoder.closePayload(code: code, reason: reason)
        return body.withUnsafeBytes { webSocket(.close, payload: $0) }
    }

    /// Calls `body` with the bytes.
    @inline(__always) func withBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(start: baseAddress, count: count))
    }
}
