import Foundation

/// Makes HS256 session tokens (for `lobby-server token` and tests): header `{"alg":"HS256","typ":"JWT"}`, the
/// claims as a JSON object with sorted keys, HMAC-SHA256 over `header.payload` (RFC 7515 section 7.1).
struct JWTSigner: Sendable {
    /// The encoded header every token starts with.
    static let encodedHeader = JWTBase64.encode(Array(#"{"alg":"HS256","typ":"JWT"}"#.utf8))

    /// The HMAC key.
    private let secret: [UInt8]

    /// Creates a signer. `secret` must not be empty.
    init(secret: [UInt8]) {
        precondition(!secret.isEmpty, "the JWT secret must not be empty")
        self.secret = secret
    }

    /// The compact token for `claims`. The claims are not validated here: `JWTVerifier` will refuse whatever
    /// `Claims.invalidReason` objects to, which lets tests build bad tokens.
    func sign(_ claims: Claims) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let payload: Data
        do {
            payload = try encoder.encode(claims)
        } catch {
            // Strings and integers always encode; a failure here is a bug in Foundation, not an input problem.
            preconditionFailure("encoding claims failed: \(error)")
        }
        return sign(payloadJSON: Array(payload))
    }

    /// The compact token for an arbitrary payload, under the standard header: for tests of the verifier's
    /// handling of payloads `Claims` cannot express (wrong types, duplicate names).
    func sign(payloadJSON: [UInt8]) -> String {
        sign(encodedHeader: Self.encodedHeader, payloadJSON: payloadJSON)
    }

    /// The compact token for a given encoded header and payload (tests use other headers, such as `alg: HS512`).
    func sign(encodedHeader: String, payloadJSON: [UInt8]) -> String {
        let signingInput = encodedHeader + "." + JWTBase64.encode(payloadJSON)
        let tag = HMACSHA256.authenticate(Array(signingInput.utf8), key: secret)
        return signingInput + "." + JWTBase64.encode(tag)
    }
}
