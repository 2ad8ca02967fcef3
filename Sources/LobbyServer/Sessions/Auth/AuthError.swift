/// Why a session token was refused.
///
/// `code` is stable and machine-readable: it is what goes on the wire (in the `unauthorized` error event or the
/// close reason), so clients can tell "log in again" (`token_expired`) from "this client is broken"
/// (`token_malformed`). `message` is for people and may be reworded. The set grows with new checks, hence a
/// struct over a private enum rather than a public enum clients would switch over exhaustively.
struct AuthError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The closed set behind the public constants.
    private enum Internal: String, Sendable, CaseIterable {
        case tokenMissing = "token_missing"
        case tokenMalformed = "token_malformed"
        case tokenAlgorithm = "token_algorithm"
        case tokenSignature = "token_signature"
        case tokenExpired = "token_expired"
        case tokenNotYetValid = "token_not_yet_valid"
        case tokenClaims = "token_claims"
    }

    private let value: Internal

    private init(_ value: Internal) { self.value = value }

    /// No token was given (no `token` query parameter, no `Authorization: Bearer` header, or an empty one).
    static let tokenMissing = AuthError(.tokenMissing)
    /// Not three base64url parts, over the length cap, not JSON objects, or a claim of the wrong JSON type.
    static let tokenMalformed = AuthError(.tokenMalformed)
    /// The header's `alg` is not exactly `HS256` (RFC 7515 section 4.1.1), or it lists `crit` extensions we do
    /// not implement (section 4.1.11 says to reject those).
    static let tokenAlgorithm = AuthError(.tokenAlgorithm)
    /// The HMAC-SHA256 signature does not match: a different secret or a tampered token.
    static let tokenSignature = AuthError(.tokenSignature)
    /// `exp` has passed, beyond the allowed clock skew (RFC 7519 section 4.1.4).
    static let tokenExpired = AuthError(.tokenExpired)
    /// `nbf` is still in the future, beyond the allowed clock skew (RFC 7519 section 4.1.5).
    static let tokenNotYetValid = AuthError(.tokenNotYetValid)
    /// A required claim is missing or has an invalid value (`sub`, `username`, `exp`, `role`, `email`).
    static let tokenClaims = AuthError(.tokenClaims)

    /// Every error, for tests and documentation.
    static var allCases: [AuthError] { Internal.allCases.map(AuthError.init) }

    /// The stable wire code, such as `token_expired`.
    var code: String { value.rawValue }

    /// A short explanation for people (logs, the close reason's text).
    var message: String {
        switch value {
        case .tokenMissing: "no session token was given"
        case .tokenMalformed: "the session token is not a well-formed JWT"
        case .tokenAlgorithm: "the session token must be signed with HS256"
        case .tokenSignature: "the session token's signature is invalid"
        case .tokenExpired: "the session token has expired"
        case .tokenNotYetValid: "the session token is not valid yet"
        case .tokenClaims: "the session token's claims are missing or invalid"
        }
    }

    /// `code: message`.
    var description: String { "\(code): \(message)" }
}
