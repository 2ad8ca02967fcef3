import Testing
@testable import LobbyServer

@Suite struct PriorityGovernorTests {
    @Test func stepsDownAfterConsecutiveBehindTicksOnly() {
        var governor = PriorityGovernor(raised: true)
        // Isolated late ticks do not count.
        for behind: UInt64 in [2, 0, 3, 0, 2, 2, 0] { #expect(governor.observe(ticksBehind: behind) == .stay) }
        // One period late is not behind.
        for _ in 0..<10 { #expect(governor.observe(ticksBehind: 1) == .stay) }
        #expect(governor.observe(ticksBehind: 2) == .stay)
        #expect(governor.observe(ticksBehind: 5) == .stay)
        #expect(governor.observe(ticksBehind: 2) == .stepDown)
        #expect(!governor.isRaised)
    }

    @Test func stepsUpAfterASustainedRunOnTime() {
        var governor = PriorityGovernor(raised: false, stepUpAfter: 5)
        for _ in 0..<4 { #expect(governor.observe(ticksBehind: 0) == .stay) }
        #expect(governor.observe(ticksBehind: 3) == .stay)  // a behind tick restarts the count
        for _ in 0..<4 { #expect(governor.observe(ticksBehind: 1) == .stay) }
        #expect(governor.observe(ticksBehind: 0) == .stepUp)
        #expect(governor.isRaised)
    }
}
