/// Payload handling: the zero-copy path, the assembly path and control frames.
extension MessageReader {
    /// An unfragmented data frame that is entirely in the input: unmask in place, validate (unless compressed),
    /// deliver zero-copy.
    mutating func readWholeFrame(
        _ header: FrameHeader, _ frame: UnsafeMutableRawPointer, offset: inout Int
    ) -> WebSocketEvent {
        let payload = frame + header.headerLength
        let length = header.payloadLength
        if header.masked {
            _ = Masking.xor(from: payload, to: payload, count: length, key: header.maskKey, phase: 0)
        }
        offset += header.headerLength + length
        messageCompressed = header.compressed
        let bytes = UnsafeRawBufferPointer(start: payload, count: length)
        if header.opcode == .text {
            guard header.compressed || UTF8Validator.isValid(bytes) else {
                return fail(.invalidPayloadData, "text message is not valid UTF-8")
            }
            return .text(bytes)
        }
        return .binary(bytes)
    }

    /// Consumes a data frame's header and switches to the assembly path for its payload.
    mutating func beginAssembling(_ header: FrameHeader, offset: inout Int) {
        offset += header.headerLength
        if header.opcode != .continuation {
            message = header.opcode == .text ? .text : .binary
            messageCompressed = header.compressed
            validator.reset()
            if assembly == nil { assembly = AssemblyBuffer() }
        }
        inFrame = true
        frameFin = header.fin
        frameMasked = header.masked
        frameMaskKey = header.maskKey
        framePhase = 0
        frameRemaining = header.payloadLength
    }

    /// Moves the available payload of the frame in progress into the assembly buffer (unmasking while copying and
    /// validating text as it goes, so invalid UTF-8 fails before the rest of the frame arrives).
    /// Returns nil when a non-final frame completed and the caller should go on with the next header.
    mutating func readPayload(_ base: UnsafeMutableRawPointer, end: Int, offset: inout Int) -> WebSocketEvent? {
        let count = min(end - offset, frameRemaining)
        if count > 0 {
            let buffer = assembly!
            let messageLimit = messageCompressed ? compressedSizeLimit : maxMessageSize
            let limit = frameFin ? buffer.count + frameRemaining : messageLimit
            let destination = buffer.reserve(count, limit: limit)
            let source = base + offset
            if frameMasked {
                framePhase = Masking.xor(
                    from: source, to: destination, count: count, key: frameMaskKey, phase: framePhase)
            } else {
                destination.copyMemory(from: source, byteCount: count)
            }
            buffer.count += count
            offset += count
            frameRemaining -= count
            if message == .text && !messageCompressed
                && !validator.feed(UnsafeRawBufferPointer(start: destination, count: count))
            {
                return fail(.invalidPayloadData, "text message is not valid UTF-8")
            }
        }
        if frameRemaining > 0 { return .needMoreData }
        inFrame = false
        guard frameFin else { return nil }
        return finishMessage()
    }

    /// Delivers the assembled message; its storage is freed on the next call.
    mutating func finishMessage() -> WebSocketEvent {
        let kind = message
        message = .none
        releasePending = true
        let bytes = assembly!.bytes
        if kind == .text {
            // RFC 6455 8.1: the whole message must be valid, so it cannot end inside a code point. (Compressed
            // text is validated by the caller once inflated.)
            guard messageCompressed || validator.isComplete else {
                return fail(.invalidPayloadData, "text message ends inside a code point")
            }
            return .text(bytes)
        }
        return .binary(bytes)
    }

    /// A control frame (RFC 6455 5.5): waits until all of it is present, then unmasks in place and delivers it.
    mutating func readControlFrame(
        _ header: FrameHeader, _ base: UnsafeMutableRawPointer, end: Int, offset: inout Int
    ) -> WebSocketEvent {
        let length = header.payloadLength
        guard end - offset - header.headerLength >= length else { return .needMoreData }
        let payload = base + offset + header.headerLength
        if header.masked {
            _ = Masking.xor(from: payload, to: payload, count: length, key: header.maskKey, phase: 0)
        }
        offset += header.headerLength + length
        let bytes = UnsafeRawBufferPointer(start: payload, count: length)
        switch header.opcode {
        case .ping: return .ping(bytes)
        case .pong: return .pong(bytes)
        default: return readClose(bytes)
        }
    }

    /// Validates a close body (RFC 6455 5.5.1, 7.1.5, 7.4): empty, or a valid code plus a UTF-8 reason.
    mutating func readClose(_ body: UnsafeRawBufferPointer) -> WebSocketEvent {
        if body.isEmpty { return .close(code: nil, reason: body) }
        guard body.count >= 2 else { return fail(.protocolError, "close frame body of 1 byte") }
        let code = UInt16(body[0]) << 8 | UInt16(body[1])
        guard CloseCode(rawValue: code).isValidOnWire else {
            return fail(.protocolError, "close code \(code) is not valid on the wire")
        }
        let reason = UnsafeRawBufferPointer(rebasing: body[2...])
        guard UTF8Validator.isValid(reason) else { return fail(.invalidPayloadData, "close reason is not valid UTF-8") }
        return .close(code: code, reason: reason)
    }
}
