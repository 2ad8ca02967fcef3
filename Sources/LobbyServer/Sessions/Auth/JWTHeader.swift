import Foundation

/// The JOSE header of a token (RFC 7515 section 4), reduced to what the verifier checks.
struct JWTHeader: Decodable, Sendable {
    /// `alg`, or nil when it is absent or not a string.
    let algorithm: String?
    /// `typ`, if present.
    let type: String?
    /// Whether the header has a `crit` member (extensions the recipient must understand).
    let hasCritical: Bool

    private enum CodingKeys: String, CodingKey {
        case alg, typ, crit
    }

    /// Decodes the header object; a non-string `alg` becomes nil so it is reported as the wrong algorithm.
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        algorithm = (try? container.decodeIfPresent(String.self, forKey: .alg)) ?? nil
        type = try container.decodeIfPresent(String.self, forKey: .typ)
        hasCritical = container.contains(.crit)
    }

    /// Parses a decoded header part: `token_malformed` unless it is one JSON object without repeated members
    /// whose `typ`, if any, is `JWT` (RFC 7519 section 5.1: compared case-insensitively, `application/` optional).
    static func parse(_ json: [UInt8]) throws(AuthError) -> JWTHeader {
        guard let header = try? JSONDecoder().decode(JWTHeader.self, from: Data(json)),
              !JSONMemberNames.topLevelHasDuplicates(json)
        else { throw .tokenMalformed }
        if let type = header.type, !["jwt", "application/jwt"].contains(type.lowercased()) { throw .tokenMalformed }
        return header
    }
}
