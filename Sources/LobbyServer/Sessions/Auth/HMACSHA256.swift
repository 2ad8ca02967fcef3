import COpenSSL

/// HMAC-SHA256 (RFC 2104 with SHA-256, the JWS `HS256` algorithm of RFC 7518 section 3.2) from OpenSSL, and
/// the constant-time comparison its tags must be checked with.
enum HMACSHA256 {
    /// Length of a tag, in bytes.
    static let byteCount = 32

    /// The tag of `message` under `key`. `key` must not be empty.
    static func authenticate(_ message: [UInt8], key: [UInt8]) -> [UInt8] {
        precondition(!key.isEmpty, "HMAC key must not be empty")
        var tag = [UInt8](repeating: 0, count: byteCount)
        var length: UInt32 = 0
        let result = key.withUnsafeBytes { key in
            message.withUnsafeBufferPointer { message in
                tag.withUnsafeMutableBufferPointer { tag in
                    HMAC(EVP_sha256(), key.baseAddress, Int32(key.count), message.baseAddress, message.count,
                         tag.baseAddress, &length)
                }
            }
        }
        // HMAC only fails on allocation failure or an unusable digest: nothing a caller could handle.
        precondition(result != nil && Int(length) == byteCount, "HMAC-SHA256 failed")
        return tag
    }

    /// Whether `tag` is the tag of `message` under `key`, compared in constant time (`CRYPTO_memcmp`) so the
    /// time taken does not reveal how many leading bytes of a forged tag were right (RFC 7515 section 10.8
    /// via RFC 7518 section 3.2).
    static func isValid(_ tag: [UInt8], for message: [UInt8], key: [UInt8]) -> Bool {
        guard tag.count == byteCount else { return false }
        let expected = authenticate(message, key: key)
        return tag.withUnsafeBytes { tag in
            expected.withUnsafeBytes { expected in
                CRYPTO_memcmp(tag.baseAddress, expected.baseAddress, byteCount) == 0
            }
        }
    }
}
