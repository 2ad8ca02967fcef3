import CLinux
import Glibc
import WebSocketCore

/// Writing: masked client frames (RFC 6455 5.3) appended to the connection's output, flushed once per loop turn so
/// several frames for one connection leave in one write.
extension LoadEngine {
    /// Appends one masked frame (FIN set) with a copy of `payload`.
    func queueFrame(_ index: Int, _ opcode: Opcode, _ payload: UnsafeRawBufferPointer) {
        let length = payload.count
        let key = random.maskKey()
        let dst = conns[index].output.reserve(FrameEncoder.maxHeaderLength + length)
        let header = FrameEncoder.writeHeader(dst, opcode: opcode, fin: true, payloadLength: length, maskKey: key)
        if let source = payload.baseAddress, length > 0 {
            (dst + header).copyMemory(from: source, byteCount: length)
            FrameEncoder.applyMask(UnsafeMutableRawBufferPointer(start: dst + header, count: length), key: key)
        }
        conns[index].output.commit(header + length)
        markDirty(index)
    }

    /// Composes sender `index`'s next message straight into its output: header, template text with a fresh
    /// marker (send time = now), masked in place.
    @inline(__always)
    func sendMessage(_ index: Int) {
        guard let templates else { return }
        if conns[index].output.count > options.maxOutputBytes {
            window.outputFullDrops += 1
            return
        }
        let ns = lobby_monotonic_ns()
        sequence &+= 1
        let seq = sequence
        let length = templates.payloadLength(index, ns: ns, seq: seq)
        let key = random.maskKey()
        let dst = conns[index].output.reserve(FrameEncoder.maxHeaderLength + length)
        let header = FrameEncoder.writeHeader(dst, opcode: .text, fin: true, payloadLength: length, maskKey: key)
        templates.write(index, to: dst + header, payloadLength: length, ns: ns, seq: seq)
        FrameEncoder.applyMask(UnsafeMutableRawBufferPointer(start: dst + header, count: length), key: key)
        conns[index].output.commit(header + length)
        markDirty(index)
        window.sent &+= 1
        window.sentBytes &+= length
        if let book { book.sent(index, seq: seq, at: ns) }
    }

    /// Queues the connection for the next flush.
    @inline(__always)
    func markDirty(_ index: Int) {
        if conns[index].dirty { return }
        conns[index].dirty = true
        dirtyList.append(Int32(index))
    }

    /// Writes the output of every connection queued since the last flush.
    func flushDirty() {
        if dirtyList.isEmpty { return }
        for entry in dirtyList {
            let index = Int(entry)
            conns[index].dirty = false
            if conns[index].state.hasSocket && conns[index].state != .connecting { flush(index) }
        }
        dirtyList.removeAll(keepingCapacity: true)
    }

    /// Writes as much output as the socket takes; watches EPOLLOUT while some is left. Connections that do not
    /// send (room members) give their buffer back once it is empty.
    func flush(_ index: Int) {
        while !conns[index].output.isEmpty {
            let bytes = conns[index].output.readable
            let written = lobby_write(conns[index].fd, bytes.baseAddress!, bytes.count)
            if written > 0 {
                conns[index].output.consume(written)
                continue
            }
            let error = lobby_errno()
            if written < 0 && (error == EAGAIN || error == EWOULDBLOCK) {
                watchWritable(index, true)
                return
            }
            failed(index, errno: error)
            return
        }
        watchWritable(index, false)
        if index >= senders && conns[index].output.capacity > 0 { conns[index].output.release() }
    }

    /// Turns EPOLLOUT interest on or off.
    private func watchWritable(_ index: Int, _ on: Bool) {
        guard conns[index].watchingWritable != on else { return }
        conns[index].watchingWritable = on
        let bits = on ? LOBBY_EPOLLIN | LOBBY_EPOLLOUT : LOBBY_EPOLLIN
        _ = lobby_epoll_mod(epfd, conns[index].fd, bits, UInt64(index))
    }
}
