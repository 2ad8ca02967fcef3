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
            "chat:typing_start", "chat:typing_stop", "chat:message_read", "chat:history", "lobby:create", "lobby:list",
            "lobby:join", "lobby:leave", "lobby:ready", "lobby:customization", "lobby:start", "lobby:close",
            "lobby:invite", "lobby:accept", "lobby:decline", "lobby:chat", "lobby:typing", "lobby:chat:history",
            "lobby:chat:read", "game:input", "game:leave", "game:list", "game:spectate", "game:unspectate",
            "game:replay", "session.resume",
        ])
        #expect(ServerEventName.allCases.map(\.rawValue) == [
            "connection.ack", "connection.error", "system.heartbeat.ack", "system.error", "user:status",
            "friend:online", "friend:offline", "friend:request", "friend:request_sent", "friend:added",
            "friend:removed", "friend:list", "chat:receive_message", "chat:typing_start", "chat:typing_stop",
            "chat:message_read", "chat:history", "lobby:created", "lobby:list", "lobby:joined", "lobby:left",
            "lobby:update", "lobby:player:join", "lobby:player:leave", "lobby:invitation", "lobby:invite_sent",
            "lobby:invitation:declined", "lobby:chat", "lobby:typing", "lobby:chat:history", "lobby:chat:read",
            "lobby:closed", "game:start", "game:state", "game:score", "game:pause", "game:resume", "game:end",
            "game:list", "game:unspectated", "session.resumed", "session.expired",
        ])
    }

    @Test func statusesMatchTheProtocol() {
        #expect(PresenceStatus.allCases.map(\.rawValue)
            == ["online", "away", "busy", "in_lobby", "in_game", "spectating", "offline"])
        #expect(SelfStatus.allCases.map(\.presence.rawValue) == SelfStatus.allCases.map(\.rawValue))
        #expect(UserRole.allCases.map(\.rawValue) == ["player", "runner", "admin"])
    }

    @Test func lobbyVocabulariesMatchTheProtocol() {
        #expect(GameType.allCases.map(\.rawValue) == ["pong"])
        #expect(LobbyPhase.allCases.map(\.rawValue) == ["waiting", "countdown", "in_game", "finished", "closed"])
        #expect(LobbyLeaveReason.allCases.map(\.rawValue) == ["left", "disconnected", "kicked", "closed"])
        #expect(LobbyCloseReason.allCases.map(\.rawValue) == ["host_closed", "empty"])
        #expect(GameEndReason.allCases.map(\.rawValue) == ["score", "forfeit", "abandoned"])
        #expect(ResumeStatus.allCases.map(\.rawValue) == ["recovered", "gap", "reset"])
        #expect(SessionExpiredReason.allCases.map(\.rawValue) == ["grace_expired", "unknown_token"])
    }

    @Test func gameVocabulariesMatchTheProtocol() {
        #expect(GameSide.allCases.map(\.rawValue) == ["left", "right"])
        #expect(GamePhase.allCases.map(\.rawValue) == ["serving", "playing", "paused", "resuming", "finished"])
        #expect(GameRole.allCases.map(\.rawValue) == ["player", "spectator"])
        #expect(GameDirection.allCases.map(\.rawValue) == ["up", "down", "stop"])
        #expect(GamePauseReason.allCases.map(\.rawValue) == ["disconnected"])
    }

    @Test func streamStatusFollowsTheCase() {
        #expect(StreamResume<Int>.recovered([1]).status == .recovered)
        #expect(StreamResume<Int>.gap(missed: 3, rest: [4, 5]).status == .gap)
        #expect(StreamResume<Int>.gap(missed: 3, rest: [4, 5]).elements == [4, 5])
        #expect(StreamResume<Int>.reset.status == .reset)
        #expect(StreamResume<Int>.reset.elements.isEmpty)
    }
}
