import WebSocketCore

/// permessage-deflate (RFC 7692) on a connection, when `PERMESSAGE_DEFLATE` is on and the client offered it.
///
/// The connection itself holds one byte for it (`deflateWindowBits`); compression state lives in the loop's
/// ``LoopDeflate`` codec, shared by every connection of the loop, since no context is taken over between messages.
/// Received compressed messages are inflated before the handler sees them, under the endpoint's message size
/// limit (1009) and, for text, with UTF-8 checked afterwards (1007). Outgoing text and binary messages go out
/// compressed when that pays (`SharedFrame+Deflate.swift`); control frames never are (RFC 7692 6.1).
extension Connection {
    /// Negotiates the extension for an upgrade request: sets `deflateWindowBits` and returns the header to add to
    /// the 101 (none when the setting is off or no offer is acceptable).
    func negotiateDeflate(_ request: HTTPRequestHead) -> [(String, String)] {
        deflateWindowBits = 0
        guard loop.server.config.permessageDeflate else { return [] }
        // Repeated fields form one list (RFC 9110 5.3); the first acceptable offer wins (RFC 7692 5).
        let offers = request.headers.values("Sec-WebSocket-Extensions")
        guard !offers.isEmpty,
            let agreed = PerMessageDeflate.negotiate(offerHeader: offers.joined(separator: ", "))
        else { return [] }
        deflateWindowBits = UInt8(agreed.parameters.serverMaxWindowBits)
        return [("Sec-WebSocket-Extensions", agreed.responseHeader)]
    }

    /// Hands a received text message to the handler, inflating it first if it arrived compressed.
    func deliverText(_ payload: UnsafeRawBufferPointer) {
        guard reader.lastMessageCompressed else {
            handler?.webSocket(self, didReceiveText: payload)
            return
        }
        let codec = loop.deflate.codec
        defer { codec.trim(.inflated) }  // after the handler: it may hold the inflated bytes until it returns
        guard let text = inflate(payload, codec) else { return }
        // RFC 6455 8.1 applies to the inflated message (RFC 7692 6): the reader could not check compressed bytes.
        guard UTF8Validator.isValid(text) else {
            fail(.invalidPayloadData, reason: "compressed text message is not valid UTF-8")
            return
        }
        handler?.webSocket(self, didReceiveText: text)
    }

    /// Hands a received binary message to the handler, inflating it first if it arrived compressed.
    func deliverBinary(_ payload: UnsafeRawBufferPointer) {
        guard reader.lastMessageCompressed else {
            handler?.webSocket(self, didReceiveBinary: payload)
            return
        }
        let codec = loop.deflate.codec
        defer { codec.trim(.inflated) }
        guard let data = inflate(payload, codec) else { return }
        handler?.webSocket(self, didReceiveBinary: data)
    }

    /// The inflated message, or nil after failing the connection: 1009 past the endpoint's limit (checked while
    /// inflating, so a small "zip bomb" cannot make us allocate more), 1007 for data that is not DEFLATE.
    private func inflate(_ payload: UnsafeRawBufferPointer, _ codec: DeflateCodec) -> UnsafeRawBufferPointer? {
        switch codec.decompress(payload, maxSize: reader.maxMessageSize) {
        case .message(let message):
            return message
        case .tooBig:
            fail(.messageTooBig, reason: "inflated message exceeds \(reader.maxMessageSize) bytes")
        case .corrupt:
            fail(.invalidPayloadData, reason: "compressed message is not valid DEFLATE data")
        }
        return nil
    }

    /// Sends a text or binary message built from `payload`: compressed when negotiated and worthwhile.
    func sendData(_ opcode: Opcode, _ payload: UnsafeRawBufferPointer) {
        if deflateWindowBits != 0,
            let frame = SharedFrame.deflatedWebSocket(
                opcode, payload: payload, codec: loop.deflate.codec, windowBits: Int(deflateWindowBits))
        {
            send(frame)
            return
        }
        send(.webSocket(opcode, payload: payload))
    }

    /// Queues a prepared data frame (typically one broadcast to many connections): connections that negotiated
    /// permessage-deflate get its compressed twin, computed once for all of them. Use `send(_:)` for control
    /// frames and raw bytes.
    func sendMessage(_ frame: SharedFrame) {
        guard deflateWindowBits != 0 else {
            send(frame)
            return
        }
        send(frame.deflated(codec: loop.deflate.codec, windowBits: Int(deflateWindowBits)))
    }
}
