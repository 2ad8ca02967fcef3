/// Checks HS256 session tokens (JWS compact serialization, RFC 7515 section 7.1; JWT, RFC 7519).
///
/// The checks run in a fixed order, so each token gets exactly one error: length and shape (`token_missing`,
/// `token_malformed`), the header (`token_malformed`, `token_algorithm`), the signature (`token_signature`),
/// then the claims (`token_malformed`, `token_claims`) and times (`token_expired`, `token_not_yet_valid`).
/// The payload is only looked at once the signature has been checked. Runs once per connection, not per
/// message, so it uses Foundation's JSON decoder.
struct JWTVerifier: Sendable {
    /// Longest token accepted, in bytes; anything longer is `token_malformed` before any decoding.
    static let maxTokenBytes = 8 * 1024
    /// The only algorithm accepted. Compared exactly: `none`, `HS512` and `hs256` are all refused, so a
    /// token cannot choose how it is checked (RFC 8725 section 3.1).
    static let algorithm = "HS256"

    /// The HMAC key.
    private let secret: [UInt8]
    /// Clock skew allowed on `exp` and `nbf`, in seconds (RFC 7519 sections 4.1.4 and 4.1.5 allow "a small
    /// leeway").
    let leewaySeconds: Int64

    /// Creates a verifier. `secret` must not be empty; a negative leeway counts as 0.
    init(secret: [UInt8], leewaySeconds: Int) {
        precondition(!secret.isEmpty, "the JWT secret must not be empty")
        self.secret = secret
        self.leewaySeconds = Int64(max(0, leewaySeconds))
    }

    /// Verifies `token` at `now` (Unix seconds) and returns its claims or why it was refused.
    func verify(_ token: String, now: Int64) -> Result<Claims, AuthError> {
        do throws(AuthError) {
            return .success(try claims(of: token, now: now))
        } catch {
            return .failure(error)
        }
    }

    /// The checks, in order; throws the first failure.
    private func claims(of token: String, now: Int64) throws(AuthError) -> Claims {
        let bytes = token.utf8
        guard !bytes.isEmpty else { throw .tokenMissing }
        guard bytes.count <= Self.maxTokenBytes else { throw .tokenMalformed }
        let parts = token.split(separator: ".", maxSplits: 3, omittingEmptySubsequences: false)
        guard parts.count == 3, let headerJSON = JWTBase64.decode(parts[0]),
              let payloadJSON = JWTBase64.decode(parts[1]), let signature = JWTBase64.decode(parts[2])
        else { throw .tokenMalformed }

        let header = try JWTHeader.parse(headerJSON)
        guard header.algorithm == Self.algorithm, !header.hasCritical else { throw .tokenAlgorithm }

        // The signing input is the ASCII of `header.payload` exactly as received (RFC 7515 section 5.2, step 8).
        let signingInput = Array(bytes.prefix(parts[0].utf8.count + 1 + parts[1].utf8.count))
        guard HMACSHA256.isValid(signature, for: signingInput, key: secret) else { throw .tokenSignature }

        let claims = try JWTPayload.parse(payloadJSON).claims()
        try checkTimes(of: claims, now: now)
        return claims
    }

    /// RFC 7519 section 4.1.4: valid only before `exp`; section 4.1.5: only at or after `nbf`; both widened by
    /// the leeway. NumericDates are bounded by 2^53, so the sums cannot overflow.
    private func checkTimes(of claims: Claims, now: Int64) throws(AuthError) {
        guard now < claims.exp + leewaySeconds else { throw .tokenExpired }
        if let nbf = claims.nbf, now + leewaySeconds < nbf { throw .tokenNotYetValid }
    }
}
