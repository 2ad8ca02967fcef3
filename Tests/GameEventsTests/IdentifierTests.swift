import Testing

@testable import GameEvents

/// Typed identifiers accept exactly the documented shapes.
@Suite struct IdentifierTests {
    @Test(arguments: ["u-alice", "a", "8f14e45f-ceea-467f-a0e2-3c6d5c8d1b2a", "ユーザー", "émile", "😀",
                      String(repeating: "x", count: 64), String(repeating: "é", count: 64), "a:b/c@d.e"])
    func accepts(_ text: String) {
        #expect(UserID(validating: text)?.rawValue == text)
        #expect(LobbyID(validating: text)?.rawValue == text)
        #expect(GameID(validating: text)?.rawValue == text)
    }

    @Test(arguments: ["", " ", "a b", " a", "a\n", "a\tb", "a\u{0}", "a\u{7F}", "a\u{85}", "a\u{A0}b", "a\u{3000}",
                      "a\u{200B}b", "a\u{202E}b", "a\u{2028}", "a\u{FEFF}", String(repeating: "x", count: 65),
                      String(repeating: "é", count: 65)])
    func rejects(_ text: String) {
        #expect(UserID(validating: text) == nil)
        #expect(UserID(rawValue: text) == nil)
        #expect(LobbyID(validating: text) == nil)
        #expect(GameID(validating: text) == nil)
    }

    @Test(arguments: ["i-4d9x2k7m1p", "i-x", "i-" + String(repeating: "é", count: 62), "i-i-", "i-😀"])
    func acceptsInvitationIDs(_ text: String) {
        #expect(InvitationID(validating: text)?.rawValue == text)
        #expect(InvitationID(rawValue: text)?.description == text)
    }

    @Test(arguments: ["", "i", "i-", "I-abc", "x-abc", "abc", " i-abc", "i-a b", "i-a\u{200B}", "i-a\n",
                      "i-" + String(repeating: "x", count: 63)])
    func rejectsInvitationIDs(_ text: String) {
        #expect(InvitationID(validating: text) == nil)
    }

    @Test func messageIDsArePositive() {
        #expect(MessageID(rawValue: 1)?.rawValue == 1)
        #expect(MessageID(rawValue: .max)?.rawValue == .max)
        #expect(MessageID(rawValue: 0) == nil)
        #expect(MessageID(rawValue: -5) == nil)
        #expect(MessageID(rawValue: 3)! < MessageID(rawValue: 4)!)
        #expect(MessageID(rawValue: 42)!.description == "42")
    }

    @Test func identifiersHashByValue() {
        let ids: Set<UserID> = [UserID(validating: "a")!, UserID(validating: "a")!, UserID(validating: "b")!]
        #expect(ids.count == 2)
        #expect(UserID(validating: "u-1")!.description == "u-1")
    }
}
