import COpenSSL

/// One connection's TLS state: an OpenSSL `SSL` between two memory BIOs. TLS never touches the socket.
///
/// The connection feeds what it read from the socket to `receiveCiphertext`, pulls plaintext out with
/// `readPlaintext` (which also drives the handshake), encrypts with `writePlaintext`, and after each of those
/// sends `pendingCiphertext` bytes taken with `takeCiphertext`. Handshake messages, alerts and close_notify all
/// come out the same way.
///
/// Loop-confined: one thread uses a session at a time (OpenSSL's error queue is per thread, and we clear it
/// before every call). Not thread-safe.
final class TLSSession {
    /// Where the session stands.
    private enum State {
        /// Handshaking or established.
        case open
        /// The peer's close_notify arrived (RFC 8446 section 6.1); reads return `.closed`.
        case closed
        /// A fatal error; every later call reports it again.
        case failed(TLSError)
    }

    /// Memory BIOs whose buffers grew past this are replaced by fresh ones once drained, so a connection that
    /// once moved a 16 MiB message does not keep 16 MiB while idle. Above one full record (16 KiB + overhead) so
    /// ordinary traffic never triggers it.
    static let bufferReleaseThreshold = 64 * 1024

    private let context: TLSContext
    /// The `SSL *`. Owns `readBIO` and `writeBIO`; freed in `deinit`.
    private let ssl: OpaquePointer
    /// Ciphertext from the socket, waiting for OpenSSL.
    private var readBIO: OpaquePointer
    /// Ciphertext from OpenSSL, waiting for the socket.
    private var writeBIO: OpaquePointer
    private var state = State.open
    /// Cached `SSL_is_init_finished`, so established reads skip the handshake call.
    private var handshakeDone = false
    /// Plaintext written before the handshake finished (or after an SSL_write asked for a read): sent, in order,
    /// as soon as OpenSSL can take it. Rare, so a plain array.
    private var queuedPlaintext: [UInt8] = []

    /// Creates a session in accept (server context) or connect (client context) state. For a client,
    /// `serverName` is sent as SNI (RFC 6066 section 3; not for IP literals) and, if the context verifies its
    /// peer, checked against the server's certificate.
    init(context: TLSContext, serverName: String? = nil) throws {
        self.context = context
        ERR_clear_error()
        guard let ssl = SSL_new(context.pointer) else {
            throw TLSError.fromErrorQueue(.session, context: "creating SSL")
        }
        guard let readBIO = BIO_new(BIO_s_mem()), let writeBIO = BIO_new(BIO_s_mem()) else {
            SSL_free(ssl)
            throw TLSError.fromErrorQueue(.session, context: "creating memory BIOs")
        }
        SSL_set_bio(ssl, readBIO, writeBIO)
        self.ssl = ssl
        self.readBIO = readBIO
        self.writeBIO = writeBIO
        if context.isServer {
            SSL_set_accept_state(ssl)
        } else {
            SSL_set_connect_state(ssl)
            if let serverName { try setServerName(serverName) }
        }
    }

    deinit { SSL_free(ssl) }

    /// True once the handshake has finished on this side.
    var isHandshakeComplete: Bool { handshakeDone }

    /// The negotiated protocol (`TLSv1.3`), for logs.
    var protocolVersion: String { String(cString: SSL_get_version(ssl)) }

    /// Ciphertext bytes waiting to go to the socket.
    var pendingCiphertext: Int { Int(lobby_BIO_ctrl_pending(writeBIO)) }

    /// Bytes held by the two memory BIOs' buffers (allocated, not just used); for tests and memory metrics.
    var bufferedCapacity: Int { Self.capacity(of: readBIO) + Self.capacity(of: writeBIO) }

    /// Feeds ciphertext read from the socket. Copies it; nothing is decrypted until `readPlaintext`.
    func receiveCiphertext(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        var written = 0
        // A memory BIO write fails only when malloc does.
        precondition(BIO_write_ex(readBIO, base, bytes.count, &written) == 1 && written == bytes.count,
                     "out of memory buffering \(bytes.count) bytes of TLS ciphertext")
    }

    /// Decrypts as much plaintext as is buffered into `dst`, driving the handshake first if it is still running.
    /// A client calls this once (any `dst`, even empty) to produce its ClientHello, unless it wrote first.
    func readPlaintext(into dst: UnsafeMutableRawBufferPointer) -> TLSReadResult {
        switch state {
        case .closed: return .closed
        case .failed(let error): return .failed(error)
        case .open: break
        }
        if !handshakeDone {
            ERR_clear_error()
            let rc = SSL_do_handshake(ssl)
            guard rc == 1 else { return outcome(ofFailed: rc, doing: "TLS handshake") }
            handshakeDone = true
            guard flushQueuedPlaintext() else { return failureResult() }
        }
        guard let base = dst.baseAddress else { return .wantMore }
        var total = 0
        var result = TLSReadResult.wantMore
        while total < dst.count {
            ERR_clear_error()
            var n = 0
            let rc = SSL_read_ex(ssl, base + total, dst.count - total, &n)
            if rc == 1 { total += n; continue }
            result = outcome(ofFailed: rc, doing: "reading a TLS record")
            break
        }
        if !queuedPlaintext.isEmpty, case .open = state, !flushQueuedPlaintext() { return failureResult() }
        releaseIfDrained(&readBIO, setter: SSL_set0_rbio)
        // Plaintext first: a close or failure right after it is reported again by the next call.
        return total > 0 ? .bytes(total) : result
    }

    /// Encrypts `bytes` into pending ciphertext. Memory BIOs never push back, so the bytes are always consumed
    /// entirely (queued until the handshake finishes if it has not); false only when the session has failed.
    func writePlaintext(_ bytes: UnsafeRawBufferPointer) -> Bool {
        if case .failed = state { return false }
        guard bytes.count > 0 else { return true }
        if !handshakeDone || !queuedPlaintext.isEmpty {
            queuedPlaintext.append(contentsOf: bytes)
            // Starts a client's handshake (the ClientHello goes out with the first write).
            if !handshakeDone { _ = readPlaintext(into: UnsafeMutableRawBufferPointer(start: nil, count: 0)) }
            if case .failed = state { return false }
            return true
        }
        let written = write(bytes)
        if written < bytes.count, case .open = state {
            // SSL_write wants a read first (a TLS 1.2 peer's renegotiation attempt): retry after the next read.
            queuedPlaintext.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[written...]))
        }
        if case .failed = state { return false }
        return true
    }

    /// Copies up to `dst.count` pending ciphertext bytes into `dst` and returns how many.
    func takeCiphertext(into dst: UnsafeMutableRawBufferPointer) -> Int {
        guard let base = dst.baseAddress, dst.count > 0 else { return 0 }
        var n = 0
        guard BIO_read_ex(writeBIO, base, dst.count, &n) == 1 else { return 0 }
        releaseIfDrained(&writeBIO, setter: SSL_set0_wbio)
        return n
    }

    /// Queues a close_notify alert (RFC 8446 section 6.1) after any queued plaintext; send `pendingCiphertext`
    /// afterwards. Does nothing before the handshake has finished or after a failure: just close the socket then.
    func shutdown() {
        guard handshakeDone else { return }
        if case .failed = state { return }
        guard flushQueuedPlaintext() else { return }
        ERR_clear_error()
        // 0 = sent, peer's not yet received; 1 = both done; < 0 = already impossible (nothing to add).
        _ = SSL_shutdown(ssl)
        ERR_clear_error()
    }
}

extension TLSSession {
    /// Sets SNI and the name (or IP address) the peer certificate must match.
    private func setServerName(_ name: String) throws {
        let param = SSL_get0_param(ssl)
        if X509_VERIFY_PARAM_set1_ip_asc(param, name) == 1 { return }
        ERR_clear_error()
        guard lobby_SSL_set_tlsext_host_name(ssl, name) == 1, SSL_set1_host(ssl, name) == 1 else {
            throw TLSError.fromErrorQueue(.session, context: "setting server name \(name)")
        }
    }

    /// Runs SSL_write_ex until everything is written or it stops; returns the bytes written.
    private func write(_ bytes: UnsafeRawBufferPointer) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        var offset = 0
        // With SSL_MODE_ENABLE_PARTIAL_WRITE each call may take only one record's worth.
        while offset < bytes.count {
            ERR_clear_error()
            var n = 0
            let rc = SSL_write_ex(ssl, base + offset, bytes.count - offset, &n)
            if rc == 1 { offset += n; continue }
            _ = outcome(ofFailed: rc, doing: "writing a TLS record")  // records a failure; WANT_READ is not one
            break
        }
        return offset
    }

    /// Writes the plaintext queued before the handshake finished. False if the session failed.
    private func flushQueuedPlaintext() -> Bool {
        guard handshakeDone, !queuedPlaintext.isEmpty else { return true }
        let queued = queuedPlaintext
        queuedPlaintext = []
        let written = queued.withUnsafeBytes { write($0) }
        if written < queued.count { queuedPlaintext = Array(queued[written...]) }
        if case .failed = state { return false }
        return true
    }

    /// Maps a failed OpenSSL call (`rc` != 1) through `SSL_get_error` and records closed/failed states.
    private func outcome(ofFailed rc: Int32, doing what: String) -> TLSReadResult {
        switch SSL_get_error(ssl, rc) {
        case SSL_ERROR_WANT_READ, SSL_ERROR_WANT_WRITE:
            // Not an error: needs more ciphertext (memory BIOs never refuse a write, so WANT_WRITE is moot).
            return .wantMore
        case SSL_ERROR_ZERO_RETURN:
            state = .closed
            return .closed
        case let code:
            var context = "\(what) (SSL_get_error \(code))"
            let verify = SSL_get_verify_result(ssl)
            if verify != X509_V_OK {
                context += ": certificate verification: \(String(cString: X509_verify_cert_error_string(verify)))"
            }
            let error = TLSError.fromErrorQueue(.protocolFailure, context: context)
            state = .failed(error)
            return .failed(error)
        }
    }

    /// The recorded failure as a read result.
    private func failureResult() -> TLSReadResult {
        if case .failed(let error) = state { return .failed(error) }
        return .wantMore
    }

    /// Replaces a drained memory BIO whose buffer grew past `bufferReleaseThreshold` by a fresh, empty one.
    private func releaseIfDrained(_ bio: inout OpaquePointer, setter: (OpaquePointer?, OpaquePointer?) -> Void) {
        guard lobby_BIO_ctrl_pending(bio) == 0, Self.capacity(of: bio) > Self.bufferReleaseThreshold,
            let fresh = BIO_new(BIO_s_mem())
        else { return }
        setter(ssl, fresh)  // frees the old BIO
        bio = fresh
    }

    /// The allocated size of a memory BIO's buffer.
    private static func capacity(of bio: OpaquePointer) -> Int {
        var memory: UnsafeMutablePointer<BUF_MEM>?
        guard BIO_ctrl(bio, BIO_C_GET_BUF_MEM_PTR, 0, &memory) == 1, let memory else { return 0 }
        return memory.pointee.max
    }
}
