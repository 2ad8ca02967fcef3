import Testing

@testable import LobbyServer

/// `lobby-server token`: the tokens it makes verify with the server's secret resolution.
@Suite struct TokenCommandTests {
    let now: Int64 = 1_800_000_000
    let secret = "an-operator-secret-that-is-long-enough"

    @Test func defaultsMakeADevelopmentTokenForTheUser() throws {
        let token = try TokenCommand.makeToken(arguments: ["--user", "alice"], environment: [:], now: now)
        let verifier = JWTVerifier(secret: Array(Config.developmentJWTSecret.utf8), leewaySeconds: 0)
        let claims = try verifier.verify(token, now: now).get()
        #expect(claims == Claims(sub: "alice", username: "alice", role: .player, iat: now, exp: now + 3600))
        #expect(verifier.verify(token, now: now + 3600) == .failure(.tokenExpired))
        let options = try #require(try TokenCommand.parse(["--user", "alice"]))
        #expect(try TokenCommand.issue(options, environment: [:], now: now).isDevelopmentDefault)
    }

    @Test func everyOptionEndsUpInTheToken() throws {
        let token = try TokenCommand.makeToken(
            arguments: ["--user=u-7", "--username", "  Alice A. ", "--role", "admin", "--email", "a@b.example",
                        "--ttl", "60", "--secret", secret],
            environment: ["JWT_SECRET": String(repeating: "z", count: 40)], now: now)
        let claims = try JWTVerifier(secret: Array(secret.utf8), leewaySeconds: 0).verify(token, now: now).get()
        #expect(claims == Claims(sub: "u-7", username: "Alice A.", email: "a@b.example", role: .admin, iat: now,
                                 exp: now + 60))
    }

    @Test func usesJWTSecretFromTheEnvironmentAndRefusesProductionWithoutOne() throws {
        let environment = ["JWT_SECRET": secret, "LOBBY_ENV": "production", "PORT": "not a port"]
        let token = try TokenCommand.makeToken(arguments: ["--user", "bob"], environment: environment, now: now)
        #expect(JWTVerifier(secret: Array(secret.utf8), leewaySeconds: 0).verify(token, now: now).map(\.sub)
            == .success("bob"))
        #expect(throws: TokenCommand.Failure.self) {
            try TokenCommand.makeToken(arguments: ["--user", "bob"], environment: ["LOBBY_ENV": "production"], now: now)
        }
        #expect(TokenCommand.run(arguments: ["--user", "bob"], environment: ["LOBBY_ENV": "production"]) == 2)
    }

    @Test(arguments: [
        [], ["--user"], ["--user", ""], ["alice"], ["--user", "a", "--role", "god"], ["--user", "a", "--ttl", "0"],
        ["--user", "a", "--ttl", "abc"], ["--user", "a", "--ttl", "31536001"], ["--user", "a", "--bogus", "x"],
        ["--user", "a", "--user", "b"], ["--user", "a", "--secret", "short"],
        ["--user", "a", "--username", String(repeating: "n", count: 33)], ["--user", "a", "--email", "nope"],
        ["--user", "a\u{7}"],
    ])
    func badArgumentsFailWithStatus2(arguments: [String]) {
        #expect(throws: TokenCommand.Failure.self) {
            try TokenCommand.makeToken(arguments: arguments, environment: [:], now: now)
        }
        #expect(TokenCommand.run(arguments: arguments, environment: [:]) == 2)
    }

    @Test func helpIsNotAnError() throws {
        #expect(try TokenCommand.parse(["--user", "a", "--help"]) == nil)
        #expect(try TokenCommand.parse(["-h"]) == nil)
        #expect(TokenCommand.usage.contains("--user <id>"))
    }
}
