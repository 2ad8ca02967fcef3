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
                // The alert OpenSSL queued says why (RFC 8446 section 6): one best-effort write before closing.
                if writeSessionCiphertext(tls) { doom() }
                break decrypt
            }
        }
        // Handshake records (or an alert) may be waiting even when nothing was queued by the application.
        if isAlive && tls.pendingCiphertext > 0 && !isDirty {
            isDirty = true
            loop.markDirty(self)
        }
    }

    /// Encrypts queued frames a slice at a time and writes the ciphertext until the kernel stops taking it.
    ///
    /// Frames are encrypted only while the socket keeps up: what waits for a slow reader stays in `out` as frames,
    /// like on a plain socket, so a queued snapshot there can still be replaced (Connection+SlowReader.swift) instead
    /// of piling up as ciphertext. The high-water sum counts both, so the limit is the same.
    func flushTLS() {
        guard let tls else { return }
        // Ciphertext the socket refused earlier goes first.
        if !writeCipherOut() { return }
        while cipherOut.isEmpty {
            if !writeSessionCiphertext(tls) { return }
            guard cipherOut.isEmpty && tls.pendingCiphertext == 0 && outHead < out.count else { break }
            if !encryptQueued(tls, budget: loop.readBuffer.count) { return }
        }
        if cipherOut.isEmpty { cipherOut.release() }
        afterFlush(drained: outHead == out.count && cipherOut.isEmpty && tls.pendingCiphertext == 0)
    }

    /// Encrypts about `budget` bytes of queued frames from `outHead` (a larger frame is encrypted in parts, and
    /// `outOffset` marks how far, as a partial `writev` does); false if the session failed.
    private func encryptQueued(_ tls: TLSSession, budget: Int) -> Bool {
        var left = budget
        while left > 0 && outHead < out.count {
            let frame = out[outHead]
            let skip = outOffset
            let take = min(frame.count - skip, left)
            let ok = frame.withBytes { tls.writePlaintext(UnsafeRawBufferPointer(rebasing: $0[skip..<(skip + take)])) }
            if !ok {
                loop.server.stats.tlsFailures.add(1)
                doom()
                return false
            }
            outBytes -= take
            left -= take
            if skip + take == frame.count {
                outHead += 1
                outOffset = 0
            } else {
                outOffset = skip + take
            }
        }
        return true
    }

    /// Writes the session's ciphertext straight through the loop's scratch buffer, keeping only what the socket
    /// refuses (no second copy of a large message); false if the connection failed.
    private func writeSessionCiphertext(_ tls: TLSSession) -> Bool {
        while cipherOut.isEmpty && tls.pendingCiphertext > 0 {
            let taken = tls.takeCiphertext(into: loop.readBuffer)
            if taken <= 0 { break }
            let n = lobby_write(fd, loop.readBuffer.baseAddress, taken)
            if n < 0 {
                let err = lobby_errno()
                guard err == EAGAIN || err == EWOULDBLOCK else {
                    doom()
                    return false
                }
                cipherOut.append(UnsafeRawBufferPointer(rebasing: loop.readBuffer[0..<taken]))
            } else {
                lastProgressAt = loop.now
                if n < taken { cipherOut.append(UnsafeRawBufferPointer(rebasing: loop.readBuffer[n..<taken])) }
            }
        }
        return true
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
            lastProgressAt = loop.now
        }
        return true
    }
}
