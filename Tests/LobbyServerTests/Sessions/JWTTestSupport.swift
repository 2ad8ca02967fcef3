@testable import LobbyServer

/// Shared values for the JWT tests: a secret, a clock reading, and builders for hand-made tokens.
enum JWTFixture {
    /// The secret most tests sign and verify with.
    static let secret = Array("test-secret-for-session-tokens-0123456789".utf8)
    /// "Now" for the tests, in Unix seconds.
    static let now: Int64 = 1_800_000_000
    /// A verifier with the default 30 s leeway.
    static let verifier = JWTVerifier(secret: secret, leewaySeconds: 30)
    /// A signer for `secret`.
    static let signer = JWTSigner(secret: secret)

    /// Valid claims around `now`: issued a minute ago, valid for an hour.
    static func claims(sub: String = "user-1", username: String = "Alice", role: Claims.Role = .player,
                       exp: Int64 = now + 3600, nbf: Int64? = nil) -> Claims {
        Claims(sub: sub, username: username, email: "alice@example.com", role: role, iat: now - 60, exp: exp, nbf: nbf)
    }

    /// A token with header `{"alg":"HS256","typ":"JWT"}` over a raw payload, properly signed.
    static func token(payload: String) -> String {
        signer.sign(payloadJSON: Array(payload.utf8))
    }

    /// A token with a raw header over a valid payload, signed with HMAC-SHA256 regardless of what it says.
    static func token(header: String) -> String {
        signer.sign(encodedHeader: JWTBase64.encode(Array(header.utf8)),
                    payloadJSON: Array(#"{"sub":"u","username":"U","exp":1800003600}"#.utf8))
    }

    /// `verify(token)` at `now` with the shared verifier.
    static func verify(_ token: String, now: Int64 = now) -> Result<Claims, AuthError> {
        verifier.verify(token, now: now)
    }
}
