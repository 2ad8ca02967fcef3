import Testing

@testable import LobbyServer

/// `JWTSigner`, `HMACSHA256` and `JWTBase64` against independent references.
@Suite struct JWTSignerTests {
    /// Python's standard library with sorted keys, the same claims as `JWTVerifierTests.pythonToken`:
    /// python3 -c 'import hmac,hashlib,base64,json;b=lambda x:base64.urlsafe_b64encode(x).rstrip(b"=").decode();
    ///   s=b"python-cross-check-secret-0123456789abcdef";h=b(json.dumps({"alg":"HS256","typ":"JWT"},separators=(",",":")).encode());
    ///   p=b(json.dumps({"sub":"u-42","username":"Ada Lovelace","email":"ada@example.com","role":"runner","iat":1700000000,
    ///   "exp":1700003600,"nbf":1699999990},separators=(",",":"),sort_keys=True).encode());
    ///   print(h+"."+p+"."+b(hmac.new(s,(h+"."+p).encode(),hashlib.sha256).digest()))'
    static let pythonSortedToken = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."
        + "eyJlbWFpbCI6ImFkYUBleGFtcGxlLmNvbSIsImV4cCI6MTcwMDAwMzYwMCwiaWF0IjoxNzAwMDAwMDAwLCJuYmYiOjE2OTk5OTk5OTAsInJv"
        + "bGUiOiJydW5uZXIiLCJzdWIiOiJ1LTQyIiwidXNlcm5hbWUiOiJBZGEgTG92ZWxhY2UifQ.LaSbVPsrMkbSeN5mTSvAYm5Wxf88XdFMcEAc7gZMGVE"

    @Test func producesTheSameBytesAsAnIndependentImplementation() {
        let signer = JWTSigner(secret: JWTVerifierTests.pythonSecret)
        let claims = Claims(sub: "u-42", username: "Ada Lovelace", email: "ada@example.com", role: .runner,
                            iat: 1_700_000_000, exp: 1_700_003_600, nbf: 1_699_999_990)
        #expect(signer.sign(claims) == Self.pythonSortedToken)
    }

    @Test func roundTripsEveryRoleAndOptionalField() throws {
        for role in Claims.Role.allCases {
            for email in [nil, "x@y.example"] {
                let claims = Claims(sub: "id/with/slashes", username: "Ünïcode ✓", email: email, role: role,
                                    iat: JWTFixture.now, exp: JWTFixture.now + 10, nbf: email == nil ? nil : JWTFixture.now)
                #expect(try JWTFixture.verify(JWTFixture.signer.sign(claims)).get() == claims)
            }
        }
    }

    /// RFC 4231 test cases 1 and 2 (HMAC-SHA-256).
    @Test func hmacMatchesRFC4231() {
        let case1 = HMACSHA256.authenticate(Array("Hi There".utf8), key: [UInt8](repeating: 0x0b, count: 20))
        #expect(hex(case1) == "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7")
        let case2 = HMACSHA256.authenticate(Array("what do ya want for nothing?".utf8), key: Array("Jefe".utf8))
        #expect(hex(case2) == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        #expect(HMACSHA256.isValid(case2, for: Array("what do ya want for nothing?".utf8), key: Array("Jefe".utf8)))
        #expect(!HMACSHA256.isValid(case2, for: Array("what do ya want for nothing!".utf8), key: Array("Jefe".utf8)))
        #expect(!HMACSHA256.isValid(Array(case2.dropLast()), for: Array("what do ya want for nothing?".utf8),
                                    key: Array("Jefe".utf8)))
    }

    @Test func base64urlIsStrict() {
        #expect(JWTBase64.decode("") == [])
        #expect(JWTBase64.decode("-_8") == [0xFB, 0xFF])
        #expect(JWTBase64.encode([0xFB, 0xFF]) == "-_8")
        #expect(JWTBase64.decode("-_-_") == [0xFB, 0xFF, 0xBF])
        #expect(JWTBase64.decode("-_9") == nil)   // unused bits set
        #expect(JWTBase64.decode("-_8=") == nil)  // padding
        #expect(JWTBase64.decode("+/8") == nil)   // standard alphabet
        #expect(JWTBase64.decode("A") == nil)     // impossible length
        #expect(JWTBase64.decode("QQ") == [0x41])
        for length in 0..<40 {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
            #expect(JWTBase64.decode(Substring(JWTBase64.encode(bytes))) == bytes)
        }
    }

    private func hex(_ bytes: [UInt8]) -> String {
        bytes.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
    }
}
