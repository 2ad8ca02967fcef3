import Testing

@testable import GameEvents

/// The wire-name tables and the cases that use them.
@Suite struct EventNameTests {
    @Test func namesAreUniqueAndWellFormed() {
        for names in [ClientEventName.allCases.map(\.rawValue), ServerEventName.allCases.map(\.rawValue)] {
            #expect(Set(names).count == names.count)
            for name in names {
                #expect(name.allSatisfy { $0.isLowercase || $0 == "_" || $0 == ":" || $0 == "." }, "\(name)")
            }
        }
    }

    @Test func tablesMatchTheProtocol() {
        #expect(ClientEventName.allCases.map(\.rawValue) == [
            "system.heartbeat", "user:status", "friend:add", "friend:remove", "friend:list", "chat:send_message",
            "chat:typing_start", "chat:typing_stop", "chat:message_read", "chat:history",
        ])
        #expect(ServerEventName.allCases.map(\.rawValue) == [
            "connection.ack", "connection.error", "system.heartbeat.ack", "system.error", "user:status",
            "friend:online", "friend:offline", "friend:request", "friend:request_sent", "friend:added",
            "friend:removed", "friend:list", "chat:receive_message", "chat:typing_start", "chat:typing_stop",
            "chat:message_read", "chat:history",
        ])
    }

    @Test func statusesMatchTheProtocol() {
        #expect(PresenceStatus.allCases.map(\.rawValue)
            == ["online", "away", "busy", "in_lobby", "in_game", "spectating", "offline"])
        #expect(SelfStatus.allCases.map(\.presence.rawValue) == SelfStatus.allCases.map(\.rawValue))
        #expect(UserRole.allCases.map(\.rawValue) == ["player", "runner", "admin"])
    }
}
