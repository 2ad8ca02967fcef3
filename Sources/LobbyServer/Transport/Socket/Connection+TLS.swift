import CLinux
import Glibc

extension Connection {
    /// Reads ciphertext, lets the TLS session decrypt it (driving the handshake), and processes the plaintext.
    func readTLS() {
        guard let tls else { return }
        let n = lobby_read(fd, loop.readBuffer.baseAddress, loop.readBuffer.count)
        guard n > 0 else { return readFailed(n) }
        tls.receiveCiphertext(UnsafeRawBufferPointer(rebasing: loop.readBuffer[0..<n]))
        decrypt: while isAlive {
            switch tls.readPlaintext(into: loop.plainBuffer) {
            case .bytes(let count):
                let plain = UnsafeMutableRawBufferPointer(rebasing: loop.plainBuffer[0..<count])
                if inbound.isEmpty {
                    process(plain)
                } else {
                    inbound.append(UnsafeRawBufferPointer(plain))
                    processInbound()
                }
            case .wantMore:
                break decrypt
            case .closed:
                peerClosed()
                break decrypt
            case .failed(let error):
                loop.server.stats.tlsFailures.add(1)
                Log.debug("TLS failed", ["peer": peer, "error": error])
                doom()
                break decrypt
            }
        }
        // Handshake records (or an alert) may be waiting even when nothing was queued by the application.
        if isAlive && tls.pendingCiphertext > 0 && !isDirty {
            isDirty = true
            loop.markDirty(self)
        }
    }

    /// Encrypts every queued frame, then writes ciphertext until the kernel stops taking it.
    func flushTLS() {
        guard let tls else { return }
        while outHead < out.count {
            let frame = out[outHead]
            let skip = outOffset
            let ok = frame.withBytes { tls.writePlaintext(UnsafeRawBufferPointer(rebasing: $0[skip...])) }
            if !ok {
                loop.server.stats.tlsFailures.add(1)
                doom()
                return
            }
            outHead += 1
            outOffset = 0
        }
        outBytes = 0
        // Ciphertext the socket refused earlier goes first; then straight from the session through the loop's
        // scratch buffer, keeping only what the socket refuses (no second copy of a large message).
        if !writeCipherOut() { return }
        while cipherOut.isEmpty && tls.pendingCiphertext > 0 {
            let taken = tls.takeCiphertext(into: loop.readBuffer)
            if taken <= 0 { break }
            let n = lobby_write(fd, loop.readBuffer.baseAddress, taken)
            if n < 0 {
                let err = lobby_errno()
                guard err == EAGAIN || err == EWOULDBLOCK else {
                    doom()
                    return
                }
                cipherOut.append(UnsafeRawBufferPointer(rebasing: loop.readBuffer[0..<taken]))
            } else if n < taken {
                cipherOut.append(UnsafeRawBufferPointer(rebasing: loop.readBuffer[n..<taken]))
            }
        }
        if cipherOut.isEmpty { cipherOut.release() }
        afterFlush(drained: cipherOut.isEmpty && tls.pendingCiphertext == 0)
    }

    /// Writes what is left in `cipherOut`; false if the connection failed.
    private func writeCipherOut() -> Bool {
        while !cipherOut.isEmpty {
            let bytes = cipherOut.readable
            let n = lobby_write(fd, bytes.baseAddress, bytes.count)
            if n < 0 {
                let err = lobby_errno()
                if err == EAGAIN || err == EWOULDBLOCK { return true }
                doom()
                return false
            }
            cipherOut.consume(n)
        }
        return true
    }
}
