import GameEvents

/// The verified contents of a session token (RFC 7519 registered claims plus ours).
///
/// Times are NumericDate values: whole seconds since the Unix epoch, UTC (RFC 7519 section 2). A `Claims` value
/// coming out of `JWTVerifier` has passed `invalidReason`, so `sub` and `username` are usable as they are.
struct Claims: Sendable, Equatable {
    /// What the user may do (absent in a token means `.player`): the wire's role, one definition for tokens and
    /// events.
    typealias Role = UserRole

    /// The user id (`sub`, RFC 7519 section 4.1.2): stable; a valid `UserID` (1-64 characters, no whitespace,
    /// control or format characters).
    var sub: String
    /// The display name: 1-32 characters, no surrounding whitespace, no control characters.
    var username: String
    /// Optional email address, informational only.
    var email: String?
    /// The user's role.
    var role: Role
    /// Issued at (`iat`, section 4.1.6); 0 when the token has none.
    var iat: Int64
    /// Expiration time (`exp`, section 4.1.4); required.
    var exp: Int64
    /// Not before (`nbf`, section 4.1.5), if present.
    var nbf: Int64?

    /// Creates claims; `role` defaults to `.player`.
    init(sub: String, username: String, email: String? = nil, role: Role = .player, iat: Int64, exp: Int64,
         nbf: Int64? = nil) {
        self.sub = sub
        self.username = username
        self.email = email
        self.role = role
        self.iat = iat
        self.exp = exp
        self.nbf = nbf
    }
}
