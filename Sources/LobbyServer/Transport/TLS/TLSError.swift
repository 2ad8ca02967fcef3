import COpenSSL

/// A TLS failure: what we were doing, and OpenSSL's own error strings from the thread's error queue.
///
/// Context set-up errors (a missing certificate file, a key that does not match) are thrown once at start-up;
/// protocol errors (a bad record MAC, garbage instead of a ClientHello) come back from `TLSSession` as
/// `.failed` and end that one connection.
struct TLSError: Error, CustomStringConvertible, Sendable, Equatable {
    /// Which step failed.
    enum Kind: Sendable, Equatable {
        /// Creating or configuring the `SSL_CTX` (method, protocol versions, trust store).
        case context
        /// Loading the PEM certificate chain.
        case certificate
        /// Loading the PEM private key, or checking that it matches the certificate.
        case privateKey
        /// Creating the per-connection `SSL` object or its memory BIOs.
        case session
        /// The handshake or a record failed (bad peer, tampered bytes, failed verification, ...).
        case protocolFailure
    }

    /// Which step failed.
    let kind: Kind
    /// What we were doing, with the file path when there is one (`loading certificate chain from /etc/c.pem`).
    let context: String
    /// OpenSSL's error strings (`ERR_error_string_n`), oldest first, joined with `"; "`; empty if the queue was.
    let openSSLErrors: String

    /// Creates an error from its parts.
    init(_ kind: Kind, context: String, openSSLErrors: String) {
        self.kind = kind
        self.context = context
        self.openSSLErrors = openSSLErrors
    }

    /// Creates an error and empties the calling thread's OpenSSL error queue into `openSSLErrors`.
    static func fromErrorQueue(_ kind: Kind, context: String) -> TLSError {
        TLSError(kind, context: context, openSSLErrors: drainErrorQueue())
    }

    /// The line logged for this error.
    var description: String {
        openSSLErrors.isEmpty ? "TLS error: \(context)" : "TLS error: \(context): \(openSSLErrors)"
    }

    /// Pops every entry of this thread's OpenSSL error queue and renders it with `ERR_error_string_n`.
    static func drainErrorQueue() -> String {
        var parts: [String] = []
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: 256) { buffer in
            while true {
                let code = ERR_get_error()
                if code == 0 { break }
                ERR_error_string_n(code, buffer.baseAddress, buffer.count)
                parts.append(String(cString: buffer.baseAddress!))
            }
        }
        return parts.joined(separator: "; ")
    }
}
