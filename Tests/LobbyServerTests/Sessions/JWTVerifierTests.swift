import Testing

@testable import LobbyServer

/// `JWTVerifier`: one error code per way a token can be wrong, and only HS256 under our secret gets through.
@Suite struct JWTVerifierTests {
    typealias F = JWTFixture

    @Test func acceptsAValidTokenAndReturnsItsClaims() throws {
        let claims = F.claims(role: .admin)
        #expect(try F.verify(F.signer.sign(claims)).get() == claims)
    }

    /// Made with Python's standard library, independently of our signer:
    /// python3 -c 'import hmac,hashlib,base64,json;b=lambda x:base64.urlsafe_b64encode(x).rstrip(b"=").decode();
    ///   s=b"python-cross-check-secret-0123456789abcdef";h=b(json.dumps({"alg":"HS256","typ":"JWT"},separators=(",",":")).encode());
    ///   p=b(json.dumps({"sub":"u-42","username":"Ada Lovelace","email":"ada@example.com","role":"runner","iat":1700000000,
    ///   "exp":1700003600,"nbf":1699999990},separators=(",",":")).encode());
    ///   print(h+"."+p+"."+b(hmac.new(s,(h+"."+p).encode(),hashlib.sha256).digest()))'
    static let pythonToken = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."
        + "eyJzdWIiOiJ1LTQyIiwidXNlcm5hbWUiOiJBZGEgTG92ZWxhY2UiLCJlbWFpbCI6ImFkYUBleGFtcGxlLmNvbSIsInJvbGUiOiJydW5uZXIiLCJp"
        + "YXQiOjE3MDAwMDAwMDAsImV4cCI6MTcwMDAwMzYwMCwibmJmIjoxNjk5OTk5OTkwfQ.CBL397sCWRnnR1aEJPBoenbn_yHsffcuwVy9avXB1dc"
    static let pythonSecret = Array("python-cross-check-secret-0123456789abcdef".utf8)

    @Test func acceptsATokenSignedByAnIndependentImplementation() throws {
        let verifier = JWTVerifier(secret: Self.pythonSecret, leewaySeconds: 0)
        let claims = try verifier.verify(Self.pythonToken, now: 1_700_000_100).get()
        #expect(claims == Claims(sub: "u-42", username: "Ada Lovelace", email: "ada@example.com", role: .runner,
                                 iat: 1_700_000_000, exp: 1_700_003_600, nbf: 1_699_999_990))
        #expect(JWTVerifier(secret: F.secret, leewaySeconds: 0).verify(Self.pythonToken, now: 1_700_000_100)
            == .failure(.tokenSignature))
    }

    @Test func expiryHonoursTheLeewayExactly() {
        let token = F.signer.sign(F.claims(exp: F.now))
        // RFC 7519 4.1.4: valid strictly before exp (+ leeway).
        #expect((try? F.verify(token, now: F.now + 29).get()) != nil)
        #expect(F.verify(token, now: F.now + 30) == .failure(.tokenExpired))
        #expect(F.verify(token, now: F.now + 100_000) == .failure(.tokenExpired))
        let strict = JWTVerifier(secret: F.secret, leewaySeconds: 0)
        #expect(strict.verify(token, now: F.now - 1).map(\.sub) == .success("user-1"))
        #expect(strict.verify(token, now: F.now) == .failure(.tokenExpired))
    }

    @Test func notBeforeInTheFutureIsRefusedBeyondTheLeeway() {
        let token = F.signer.sign(F.claims(nbf: F.now + 100))
        #expect(F.verify(token) == .failure(.tokenNotYetValid))
        #expect(F.verify(token, now: F.now + 69) == .failure(.tokenNotYetValid))
        #expect(F.verify(token, now: F.now + 70).map(\.nbf) == .success(F.now + 100))
    }

    @Test func aDifferentSecretOrATamperedPartIsASignatureError() {
        let token = F.signer.sign(F.claims())
        let other = JWTSigner(secret: Array("another-secret-of-sufficient-length-xyz".utf8)).sign(F.claims())
        #expect(F.verify(other) == .failure(.tokenSignature))

        // Same header and signature, payload swapped for one claiming admin.
        let parts = token.split(separator: ".")
        let forged = F.signer.sign(F.claims(role: .admin)).split(separator: ".")
        #expect(F.verify("\(parts[0]).\(forged[1]).\(parts[2])") == .failure(.tokenSignature))
        // A signature of the wrong length.
        #expect(F.verify("\(parts[0]).\(parts[1]).\(parts[2].dropLast(3))") == .failure(.tokenSignature))
        // One flipped signature bit (the first character encodes the top six bits of the first byte).
        let flipped = (parts[2].first == "A" ? "B" : "A") + parts[2].dropFirst()
        #expect(F.verify("\(parts[0]).\(parts[1]).\(flipped)") == .failure(.tokenSignature))
    }

    @Test(arguments: [
        #"{"alg":"none","typ":"JWT"}"#, #"{"alg":"HS512","typ":"JWT"}"#, #"{"alg":"hs256"}"#, #"{"typ":"JWT"}"#,
        #"{"alg":256}"#, #"{"alg":"HS256","crit":["exp"]}"#, #"{"alg":"RS256"}"#,
    ])
    func onlyExactlyHS256WithoutCritIsAccepted(header: String) {
        #expect(F.verify(F.token(header: header)) == .failure(.tokenAlgorithm))
    }

    @Test func algNoneWithAnEmptySignatureIsRefused() {
        let header = JWTBase64.encode(Array(#"{"alg":"none","typ":"JWT"}"#.utf8))
        let payload = JWTBase64.encode(Array(#"{"sub":"u","username":"U","exp":1900000000,"role":"admin"}"#.utf8))
        #expect(F.verify("\(header).\(payload).") == .failure(.tokenAlgorithm))
    }

    @Test func headerWithoutTypOrWithApplicationJWTIsFine() {
        #expect((try? F.verify(F.token(header: #"{"alg":"HS256"}"#)).get()) != nil)
        #expect((try? F.verify(F.token(header: #"{"typ":"application/JWT","alg":"HS256","kid":"k1"}"#)).get()) != nil)
        #expect(F.verify(F.token(header: #"{"alg":"HS256","typ":"JWE"}"#)) == .failure(.tokenMalformed))
    }

    @Test(arguments: [
        "abc.def",                                    // two parts
        "a.b.c.d",                                    // four parts
        "eyJhbGciOiJIUzI1NiJ9.e30",                   // two parts, real base64
        "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1In0.a*b",   // '*' is not base64url
        "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1In0.ab+/",  // standard-alphabet characters
        "eyJhbGciOiJIUzI1NiJ9=.e30.AAAA",             // padding
        "eyJhbGciOiJIUzI1NiJ9.e30=.AAAA",
        "eyJhbGciOiJIUzI1NiJ9.e30.A",                 // impossible length
        "eyJhbGciOiJIUzI1NiJ9.e31.AAAA",              // non-zero unused bits: a second spelling of "{}"
        "eyJhbGciOiJIUzI1NiJ9 .e30.AAAA",             // whitespace
        "..",
        "bm90IGpzb24.e30.AAAA",                       // header "not json"
        "WzFd.e30.AAAA",                              // header [1]
        "eyJhbGciOiJIUzI1NiIsImFsZyI6Im5vbmUifQ.e30.AAAA",  // {"alg":"HS256","alg":"none"}
    ])
    func malformedTokensAreRefusedAsMalformed(token: String) {
        #expect(F.verify(token) == .failure(.tokenMalformed))
    }

    @Test(arguments: [
        "not json", "[1,2]", "5", #""sub""#, #"{"sub":42,"username":"U","exp":1800003600}"#,
        #"{"sub":"u","username":["U"],"exp":1800003600}"#, #"{"sub":"u","username":"U","exp":"1800003600"}"#,
        #"{"sub":"u","username":"U","exp":true}"#, #"{"sub":"u","username":"U","exp":1800003600,"role":1}"#,
        #"{"sub":"u","username":"U","exp":1800003600,"sub":"admin"}"#,
        #"{"sub":"u","username":"U","exp":1800003600,"s\u0075b":"admin"}"#,
    ])
    func signedPayloadsOfTheWrongShapeAreMalformed(payload: String) {
        #expect(F.verify(F.token(payload: payload)) == .failure(.tokenMalformed))
    }

    @Test(arguments: [
        #"{"username":"U","exp":1800003600}"#, #"{"sub":"","username":"U","exp":1800003600}"#,
        #"{"sub":"u","exp":1800003600}"#, #"{"sub":"u","username":"   ","exp":1800003600}"#,
        #"{"sub":"u","username":"U"}"#, #"{"sub":"u","username":"U","exp":1800003600,"role":"god"}"#,
        #"{"sub":"u","username":"U","exp":1800003600,"role":"Admin"}"#,
        #"{"sub":"u","username":"abcdefghijklmnopqrstuvwxyz0123456","exp":1800003600}"#,
        #"{"sub":"u","username":"bad\nname","exp":1800003600}"#, #"{"sub":"u","username":"a\u202Eb","exp":1800003600}"#,
        #"{"sub":"u\u0000","username":"U","exp":1800003600}"#, #"{"sub":"u","username":"U","exp":1e300}"#,
        #"{"sub":"u","username":"U","exp":1800003600,"email":"no-at-sign"}"#,
        // sub follows the user id rule: 1-64 characters, no whitespace.
        #"{"sub":"u 1","username":"U","exp":1800003600}"#,
        "{\"sub\":\"\(String(repeating: "u", count: 65))\",\"username\":\"U\",\"exp\":1800003600}",
    ])
    func missingOrInvalidClaimsAreClaimsErrors(payload: String) {
        #expect(F.verify(F.token(payload: payload)) == .failure(.tokenClaims))
    }

    @Test func usernameIsTrimmedAndCountedInCharacters() throws {
        let padded = try F.verify(F.token(payload: #"{"sub":"u","username":"  Zoë  ","exp":1800003600}"#)).get()
        #expect(padded.username == "Zoë")
        #expect(padded.role == .player)
        #expect(padded.iat == 0)
        let name = String(repeating: "é", count: 32)  // 32 characters, 64 bytes
        #expect(try F.verify(F.token(payload: #"{"sub":"u","username":"\#(name)","exp":1800003600}"#)).get().username
            == name)
    }

    @Test func fractionalNumericDatesAreRoundedDown() throws {
        let claims = try F.verify(F.token(payload: #"{"sub":"u","username":"U","exp":1800003600.9,"iat":1.5e9}"#)).get()
        #expect(claims.exp == 1_800_003_600)
        #expect(claims.iat == 1_500_000_000)
    }

    @Test func emptyAndOversizedTokens() {
        #expect(F.verify("") == .failure(.tokenMissing))
        let long = F.token(payload: #"{"sub":"u","username":"U","exp":1800003600,"pad":""#
            + String(repeating: "x", count: 9000) + #""}"#)
        #expect(long.utf8.count > JWTVerifier.maxTokenBytes)
        #expect(F.verify(long) == .failure(.tokenMalformed))
        #expect(F.verify(String(repeating: ".", count: 100_000)) == .failure(.tokenMalformed))
    }

    @Test func errorCodesAreStableAndDistinct() {
        let codes = AuthError.allCases.map(\.code)
        #expect(codes == ["token_missing", "token_malformed", "token_algorithm", "token_signature", "token_expired",
                          "token_not_yet_valid", "token_claims"])
        #expect(AuthError.allCases.allSatisfy { !$0.message.isEmpty && $0.description.hasPrefix($0.code) })
    }
}
