import Foundation

/// The claims part of a token as JSON types, before the value rules: a wrong JSON type (a numeric `sub`, a
/// string `exp`) fails decoding and is `token_malformed`; a missing or invalid value is `token_claims`.
struct JWTPayload: Decodable, Sendable {
    /// `sub`, the user id.
    let sub: String?
    /// `username`, the display name (trimmed before it is checked).
    let username: String?
    /// `email`, optional.
    let email: String?
    /// `role`: `player`, `runner` or `admin`; absent means `player`.
    let role: String?
    /// `iat`. NumericDate values (RFC 7519 section 2) may have a fraction, so the dates are read as `Double`.
    let iat: Double?
    /// `exp`, required.
    let exp: Double?
    /// `nbf`, optional.
    let nbf: Double?

    /// Largest NumericDate magnitude accepted: 2^53, where `Double` stops holding every whole second.
    static let maxNumericDate = 9_007_199_254_740_992.0

    /// Parses a decoded payload part: one JSON object without repeated member names, or `token_malformed`.
    static func parse(_ json: [UInt8]) throws(AuthError) -> JWTPayload {
        guard let payload = try? JSONDecoder().decode(JWTPayload.self, from: Data(json)),
              !JSONMemberNames.topLevelHasDuplicates(json)
        else { throw .tokenMalformed }
        return payload
    }

    /// The claims, after trimming `username` and applying `Claims.invalidReason`; `token_claims` if one is
    /// missing or invalid.
    func claims() throws(AuthError) -> Claims {
        guard let sub, let username, let exp = try Self.seconds(exp) else { throw .tokenClaims }
        var role = Claims.Role.player
        if let name = self.role {
            guard let known = Claims.Role(rawValue: name) else { throw .tokenClaims }
            role = known
        }
        let claims = Claims(sub: sub, username: Claims.trimmed(username), email: email, role: role,
                            iat: try Self.seconds(iat) ?? 0, exp: exp, nbf: try Self.seconds(nbf))
        guard claims.invalidReason == nil else { throw .tokenClaims }
        return claims
    }

    /// Whole seconds of a NumericDate (rounded down), nil when absent, `token_claims` when out of range.
    private static func seconds(_ value: Double?) throws(AuthError) -> Int64? {
        guard let value else { return nil }
        guard value.isFinite, abs(value) <= maxNumericDate else { throw .tokenClaims }
        return Int64(value.rounded(.down))
    }
}
