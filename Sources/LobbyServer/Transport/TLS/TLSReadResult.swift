/// What `TLSSession.readPlaintext(into:)` produced.
enum TLSReadResult: Equatable, Sendable {
    /// This many plaintext bytes were written to the front of the destination (always more than zero).
    case bytes(Int)
    /// Nothing (more) to decrypt until more ciphertext arrives; send `pendingCiphertext` first, the handshake
    /// may have produced some.
    case wantMore
    /// The peer sent close_notify (RFC 8446 section 6.1): no more plaintext will come.
    case closed
    /// The handshake or a record failed; the session is dead. Flush `pendingCiphertext` (it may hold the alert
    /// telling the peer why), then close the socket.
    case failed(TLSError)
}
