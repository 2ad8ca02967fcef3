import Testing

@testable import LobbyServer

/// `RateLimitPolicy`: the defaults and the `RATE_LIMITS` parser.
@Suite struct RateLimitPolicyTests {
    @Test func defaultsAreTheDocumentedOnes() throws {
        let policy = RateLimitPolicy.defaults
        #expect(policy.perConnection.chat == RateLimit(capacity: 5, refillPerSecond: 2))
        #expect(policy.perConnection.gameInput == RateLimit(capacity: 120, refillPerSecond: 70))
        #expect(policy.perConnection.roomJoin == RateLimit(capacity: 5, refillPerSecond: 1))
        #expect(policy.perConnection.presence == RateLimit(capacity: 5, refillPerSecond: 1))
        #expect(policy.perConnection.other == RateLimit(capacity: 20, refillPerSecond: 10))
        for kind in RateLimitKind.allCases {
            #expect(policy.perUser[kind] == policy.perConnection[kind].scaled(by: 2))
        }
        #expect(policy.connectionsPerIP == RateLimit(capacity: 20, refillPerSecond: 20))
        #expect(try RateLimitPolicy(parsing: "") == .defaults)
        #expect(try RateLimitPolicy(parsing: " , ") == .defaults)
    }

    @Test func parsesOverridesAndKeepsTheRest() throws {
        let policy = try RateLimitPolicy(parsing: " chat = 10/4 , GAMEINPUT=60/30.5,connectionsPerIp=5/0.5,user.presence=7/3")
        #expect(policy.perConnection.chat == RateLimit(capacity: 10, refillPerSecond: 4))
        #expect(policy.perUser.chat == RateLimit(capacity: 20, refillPerSecond: 8))  // follows the connection limit
        #expect(policy.perConnection.gameInput == RateLimit(capacity: 60, refillPerSecond: 30.5))
        #expect(policy.connectionsPerIP == RateLimit(capacity: 5, refillPerSecond: 0.5))
        #expect(policy.perUser.presence == RateLimit(capacity: 7, refillPerSecond: 3))
        #expect(policy.perConnection.presence == RateLimitPolicy.defaults.perConnection.presence)
        #expect(policy.perConnection.roomJoin == RateLimitPolicy.defaults.perConnection.roomJoin)
        // An explicit user limit wins even when the connection limit of that kind changes too.
        let both = try RateLimitPolicy(parsing: "user.chat=3/1,chat=50/50")
        #expect(both.perUser.chat == RateLimit(capacity: 3, refillPerSecond: 1))
    }

    @Test(arguments: [
        "chat", "chat=5", "chat=5/", "chat=/2", "chat=5/2/1", "chat=0/2", "chat=5/0", "chat=-5/2", "chat=5/-2",
        "chat=inf/2", "chat=nan/2", "chat=1e3/2", "chat=0x10/2", "chat=5/2,chat=6/3", "chat=5/2,CHAT=6/3",
        "typing=5/2", "user.connectionsPerIp=1/1", "user.=1/1", "=5/2", "chat=2000000/1", "chat=5/2000000",
        "chat=5..0/2", "chat=./2",
    ])
    func rejectsBadValuesWithAMessage(text: String) {
        #expect(throws: RateLimitPolicyError.self) { try RateLimitPolicy(parsing: text) }
    }

    @Test func errorMessagesNameTheEntry() {
        #expect(throws: RateLimitPolicyError("RATE_LIMITS entry 'chat=5' is not name=capacity/refillPerSecond")) {
            try RateLimitPolicy(parsing: "chat=5")
        }
        do {
            _ = try RateLimitPolicy(parsing: "typing=5/2")
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("typing") && error.description.contains("gameInput"))
        }
    }

    @Test func limitsPrintInTheirOwnSyntax() {
        #expect(RateLimit(capacity: 120, refillPerSecond: 70).description == "120/70")
        #expect(RateLimit(capacity: 5, refillPerSecond: 0.5).description == "5/0.5")
        #expect(RateLimit(capacity: 5, refillPerSecond: 2).fullRefillNanoseconds == 2_500_000_000)
    }
}
