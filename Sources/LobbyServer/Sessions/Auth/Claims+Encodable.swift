/// The JSON form `JWTSigner` puts in a token's payload.
extension Claims: Encodable {
    private enum CodingKeys: String, CodingKey {
        case sub, username, email, role, iat, exp, nbf
    }

    /// Encodes the payload `JWTSigner` signs: `email` and `nbf` only when present, `role` always.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(sub, forKey: .sub)
        try container.encode(username, forKey: .username)
        try container.encodeIfPresent(email, forKey: .email)
        try container.encode(role.rawValue, forKey: .role)
        try container.encode(iat, forKey: .iat)
        try container.encode(exp, forKey: .exp)
        try container.encodeIfPresent(nbf, forKey: .nbf)
    }
}
