import Testing

@testable import LobbyServer

/// The JWT settings and `Config.jwtSecret()`: development falls back to the public secret, production refuses.
@Suite struct JWTConfigTests {
    let goodSecret = "a-production-secret-of-at-least-32-bytes"

    @Test func developmentWithoutASecretUsesTheDevelopmentDefault() throws {
        let resolved = try Config.load(arguments: [], environment: [:]).jwtSecret()
        #expect(resolved.isDevelopmentDefault)
        #expect(resolved.secret == Array(Config.developmentJWTSecret.utf8))
        #expect(resolved.secret.count >= Config.minimumJWTSecretBytes)
        // An empty JWT_SECRET counts as unset.
        #expect(try Config.load(arguments: [], environment: ["JWT_SECRET": ""]).jwtSecret().isDevelopmentDefault)
    }

    @Test func productionRequiresItsOwnSecret() throws {
        let production = ["LOBBY_ENV": "production"]
        let bare = try Config.load(arguments: [], environment: production)
        #expect(throws: ConfigError.self) { try bare.jwtSecret() }
        let borrowed = try Config.load(arguments: ["--jwt-secret", Config.developmentJWTSecret], environment: production)
        #expect(throws: ConfigError.self) { try borrowed.jwtSecret() }
        let configured = try Config.load(arguments: [], environment: production.merging(["JWT_SECRET": goodSecret]) { $1 })
        let resolved = try configured.jwtSecret()
        #expect(!resolved.isDevelopmentDefault)
        #expect(resolved.secret == Array(goodSecret.utf8))
    }

    @Test func aShortSecretIsRefusedAtLoadAndByTheHelper() {
        #expect(throws: ConfigError.self) { try Config.load(arguments: ["--jwt-secret=short"], environment: [:]) }
        #expect(throws: ConfigError.self) {
            try Config.load(arguments: [], environment: ["JWT_SECRET": String(repeating: "x", count: 31)])
        }
        var config = Config()
        config.jwtSecretText = "short"
        #expect(throws: ConfigError.self) { try config.jwtSecret() }
    }

    @Test func flagWinsOverEnvironmentForTheSecret() throws {
        let config = try Config.load(arguments: ["--jwt-secret", goodSecret],
                                     environment: ["JWT_SECRET": String(repeating: "e", count: 40)])
        #expect(try config.jwtSecret().secret == Array(goodSecret.utf8))
    }

    @Test func leewayAndRateLimitSettings() throws {
        #expect(try Config.load(arguments: [], environment: [:]).jwtLeewaySeconds == 30)
        #expect(try Config.load(arguments: ["--jwt-leeway-seconds", "0"], environment: [:]).jwtLeewaySeconds == 0)
        #expect(try Config.load(arguments: [], environment: ["JWT_LEEWAY_SECONDS": "600"]).jwtLeewaySeconds == 600)
        #expect(throws: ConfigError.self) { try Config.load(arguments: ["--jwt-leeway-seconds", "601"], environment: [:]) }
        #expect(throws: ConfigError.self) { try Config.load(arguments: ["--jwt-leeway-seconds", "-1"], environment: [:]) }
        let limits = try Config.load(arguments: ["--rate-limits", "chat=1/1"], environment: [:]).rateLimits
        #expect(try RateLimitPolicy(parsing: limits).perConnection.chat == RateLimit(capacity: 1, refillPerSecond: 1))
        #expect(try Config.load(arguments: [], environment: [:]).rateLimits.isEmpty)
    }
}
