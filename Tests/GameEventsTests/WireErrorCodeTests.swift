import Testing
@testable import GameEvents

@Suite struct WireErrorCodeTests {
    @Test func wireNamesAreSnakeCaseAndUnique() {
        let names = WireErrorCode.allCases.map(\.rawValue)
        #expect(Set(names).count == names.count)
        #expect(names.contains("invalid_json"))
        #expect(names.contains("rate_limited"))
        #expect(names.allSatisfy { $0.allSatisfy { $0.isLowercase || $0 == "_" } })
    }
}
