import COpenSSL

/// An OpenSSL `SSL_CTX`: protocol versions, modes, certificate chain and key (server) or trust store (client).
///
/// Built once at start-up and immutable afterwards, so every loop thread can create sessions from it at once
/// (OpenSSL's `SSL_CTX` is safe for concurrent `SSL_new` once configuration is finished, which is why this is
/// `@unchecked Sendable`). Freed when the last `TLSSession` using it goes away.
final class TLSContext: @unchecked Sendable {
    /// The `SSL_CTX *`. Owned; freed in `deinit`.
    let pointer: OpaquePointer
    /// True for a server context (sessions start in accept state), false for a client one.
    let isServer: Bool

    private init(isServer: Bool) throws {
        ERR_clear_error()
        guard let ctx = SSL_CTX_new(isServer ? TLS_server_method() : TLS_client_method()) else {
            throw TLSError.fromErrorQueue(.context, context: "creating SSL_CTX")
        }
        pointer = ctx
        self.isServer = isServer
        // TLS 1.0 and 1.1 are deprecated (RFC 8996); 1.2 is the floor.
        guard lobby_SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION) == 1 else {
            throw TLSError.fromErrorQueue(.context, context: "setting minimum protocol version TLS 1.2")
        }
        // Memory BIOs never block, but a write retried after WANT_READ may come from a different buffer
        // address (our queue), and idle connections should not pin OpenSSL's 16 KiB + 16 KiB record buffers.
        _ = lobby_SSL_CTX_set_mode(
            ctx, Int(SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER | SSL_MODE_RELEASE_BUFFERS))
        // Renegotiation (TLS 1.2 only) would let SSL_write need a read; nothing here needs it (RFC 8446 drops it).
        _ = SSL_CTX_set_options(ctx, lobby_SSL_OP_NO_RENEGOTIATION())
    }

    deinit { SSL_CTX_free(pointer) }

    /// A server context presenting the PEM certificate chain at `certificatePath` (leaf first) and the PEM private
    /// key at `privateKeyPath`. Throws a `TLSError` naming the file and carrying OpenSSL's reason when a file is
    /// missing or unreadable, is not PEM, or the key does not match the certificate.
    static func server(certificatePath: String, privateKeyPath: String) throws -> TLSContext {
        let context = try TLSContext(isServer: true)
        let ctx = context.pointer
        ERR_clear_error()
        guard SSL_CTX_use_certificate_chain_file(ctx, certificatePath) == 1 else {
            throw TLSError.fromErrorQueue(.certificate, context: "loading certificate chain from \(certificatePath)")
        }
        guard SSL_CTX_use_PrivateKey_file(ctx, privateKeyPath, SSL_FILETYPE_PEM) == 1 else {
            // OpenSSL also checks here that the key matches the certificate ("key values mismatch").
            throw TLSError.fromErrorQueue(
                .privateKey, context: "loading private key from \(privateKeyPath) for certificate \(certificatePath)")
        }
        guard SSL_CTX_check_private_key(ctx) == 1 else {
            throw TLSError.fromErrorQueue(
                .privateKey, context: "private key \(privateKeyPath) does not match certificate \(certificatePath)")
        }
        return context
    }

    /// A client context (for tests and the load tool). With `verifyPeer`, the server's chain must verify against
    /// `caFile` (PEM, may hold several certificates) or, when `caFile` is nil, the system trust store; the host
    /// name is checked when the session is given a `serverName`.
    static func client(verifyPeer: Bool, caFile: String?) throws -> TLSContext {
        let context = try TLSContext(isServer: false)
        let ctx = context.pointer
        ERR_clear_error()
        SSL_CTX_set_verify(ctx, verifyPeer ? SSL_VERIFY_PEER : SSL_VERIFY_NONE, nil)
        if let caFile {
            guard SSL_CTX_load_verify_locations(ctx, caFile, nil) == 1 else {
                throw TLSError.fromErrorQueue(.context, context: "loading CA certificates from \(caFile)")
            }
        } else if verifyPeer {
            guard SSL_CTX_set_default_verify_paths(ctx) == 1 else {
                throw TLSError.fromErrorQueue(.context, context: "loading the system trust store")
            }
        }
        return context
    }
}
