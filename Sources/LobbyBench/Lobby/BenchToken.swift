import COpenSSL
import WebSocketCore

/// HS256 session tokens for the bench users (RFC 7519 claims, signed as a JWS in compact form per RFC 7515
/// section 7.1 with HMAC-SHA256, RFC 7518 section 3.2): what `lobby-server token` makes, built here so the bench
/// can log in 1,600 users without running the server's CLI 1,600 times.
enum BenchToken {
    /// The server's development secret (`Config.developmentJWTSecret`): what a server started without
    /// `JWT_SECRET` signs with. `--secret` overrides it.
    static let developmentSecret = "lobby-development-jwt-secret-do-not-use-in-production"

    /// The encoded header every token starts with.
    static let encodedHeader = base64URL(Array(#"{"alg":"HS256","typ":"JWT"}"#.utf8))

    /// A token for `user` (its `sub` and `username`), issued at `issuedAt` (seconds since the epoch), valid for
    /// `lifetime` seconds. `user` must need no JSON escaping (the bench's `bench-L-M` names do not).
    static func make(user: String, secret: [UInt8], issuedAt: Int, lifetime: Int = 3600) -> String {
        let claims = #"{"sub":"\#(user)","username":"\#(user)","iat":\#(issuedAt),"exp":\#(issuedAt + lifetime)}"#
        let signingInput = encodedHeader + "." + base64URL(Array(claims.utf8))
        return signingInput + "." + base64URL(hmacSHA256(Array(signingInput.utf8), key: secret))
    }

    /// HMAC-SHA256 of `message` under `key` (RFC 2104), from OpenSSL.
    static func hmacSHA256(_ message: [UInt8], key: [UInt8]) -> [UInt8] {
        var tag = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        let result = key.withUnsafeBytes { key in
            message.withUnsafeBufferPointer { message in
                tag.withUnsafeMutableBufferPointer { tag in
                    HMAC(
                        EVP_sha256(), key.baseAddress, Int32(key.count), message.baseAddress, message.count,
                        tag.baseAddress, &length)
                }
            }
        }
        // Fails only on allocation failure: nothing to recover from in a load tool.
        precondition(result != nil && length == 32, "HMAC-SHA256 failed")
        return tag
    }

    /// Base64url without padding (RFC 7515 section 2, "Base64url Encoding").
    static func base64URL(_ bytes: [UInt8]) -> String { Base64.encode(bytes, alphabet: .url, padded: false) }
}
