import Testing

@testable import GameEvents

/// Lobby and resume payloads: defaults, sanitizing and limits, canonical colours, the stream rules of
/// `session.resumed`, and the fields added to `system.error` and `connection.ack`.
@Suite struct LobbyPayloadTests {
    static let lobbyId = LobbyID(validating: "l-7k2m9q4x1b")!

    /// Decodes a client message's event, failing the test on error.
    func client(_ text: String) throws -> ClientEvent {
        try EventCodec.decodeClient(bytes(text)).get().event
    }

    /// The error a server message fails to decode with.
    func serverFailure(_ text: String) -> EventDecodingError? {
        if case .failure(let error) = EventCodec.decodeServer(bytes(text)) { return error }
        return nil
    }

    @Test func createTakesTheDocumentedDefaults() throws {
        let create = try CreateLobby(name: "x")
        #expect(create.gameType == .pong)
        #expect(create.maxPlayers == 2)
        #expect(create.isPrivate == false)
        #expect(create.settings.pointsToWin == 5)
        #expect(try client(#"{"type":"lobby:create","payload":{"name":"x","settings":{}}}"#) == .createLobby(create))
        #expect(try client(#"{"type":"lobby:create","payload":{"name":"x","maxPlayers":null,"private":null}}"#)
            == .createLobby(create))
        let encoded = String(decoding: EventCodec.encode(ClientMessage(event: .createLobby(create))), as: UTF8.self)
        #expect(encoded == #"{"type":"lobby:create","payload":{"name":"x","gameType":"pong","maxPlayers":2,"private":false,"settings":{"pointsToWin":5}}}"#)
    }

    @Test func nameLimitIsCountedInScalarsAfterSanitizing() throws {
        let longest = String(repeating: "é", count: 48)
        #expect(try CreateLobby(name: " \(longest)\u{7F} ").name == longest)
        #expect(try CreateLobby(name: String(repeating: "😀", count: 48)).name.unicodeScalars.count == 48)
        #expect(throws: EventDecodingError.self) { try CreateLobby(name: String(repeating: "😀", count: 49)) }
        #expect(throws: EventDecodingError.self) { try CreateLobby(name: "\u{3000}\u{1}") }
        #expect(throws: EventDecodingError.self) { try CreateLobby(name: "x", maxPlayers: 9) }
        #expect(throws: EventDecodingError.self) { try LobbySettings(pointsToWin: 22) }
        #expect(try LobbySettings(pointsToWin: 21).pointsToWin == 21)
        #expect(LobbySettings.standard == (try LobbySettings()))
    }

    @Test func lobbyChatCapIs500ScalarsAfterSanitizing() throws {
        let max = String(repeating: "e\u{301}", count: 250)
        #expect(try SendLobbyMessage(text: "\t\(max)\u{0}\n").text == max)
        #expect(throws: EventDecodingError(code: .payloadTooLarge,
                                           message: "payload.text: must be at most 500 characters (Unicode scalars)",
                                           field: "payload.text")) {
            try SendLobbyMessage(text: max + "!")
        }
        // Direct messages keep their own limit.
        #expect(try SendMessage(to: UserID(validating: "u")!, text: max + "!").text.unicodeScalars.count == 501)
    }

    @Test func listAndHistoryQueriesCheckTheirInvariants() {
        #expect((try? LobbyListQuery())?.limit == 20)
        #expect(throws: EventDecodingError.self) { try LobbyListQuery(limit: 51) }
        #expect(throws: EventDecodingError.self) { try LobbyListQuery(cursor: "") }
        #expect(throws: EventDecodingError.self) { try LobbyListQuery(cursor: String(repeating: "c", count: 65)) }
        #expect((try? LobbyListQuery(cursor: String(repeating: "c", count: 64)))?.cursor?.count == 64)
        #expect((try? LobbyHistoryQuery())?.limit == 50)
        #expect(throws: EventDecodingError.self) {
            try LobbyHistoryQuery(before: MessageID(rawValue: 2), after: MessageID(rawValue: 1))
        }
        #expect(throws: EventDecodingError.self) { try LobbyHistoryQuery(limit: 101) }
    }

    @Test func resumeTokenIsPrintableASCII() throws {
        #expect(try ResumeSession(resumeToken: String(repeating: "~", count: 512)).resumeToken.count == 512)
        #expect(throws: EventDecodingError.self) { try ResumeSession(resumeToken: String(repeating: "t", count: 513)) }
        #expect(throws: EventDecodingError.self) { try ResumeSession(resumeToken: "tok\u{7F}") }
        #expect(throws: EventDecodingError.self) { try ResumeSession(resumeToken: "t", lastLobbyVersion: 0) }
    }

    @Test func paddleColorsAreCanonicalUpperCase() {
        #expect(PaddleColor(validating: "#ff8800")?.rawValue == "#FF8800")
        #expect(PaddleColor(validating: "#Ff8800") == PaddleColor(validating: "#FF8800"))
        #expect(PaddleColor(rawValue: "#000000")?.description == "#000000")
        for bad in ["", "#", "#FFF", "FF8800", "#FF880", "#FF88000", "#GG8800", "#ff 800", "##FF880", "#ｆｆ8800"] {
            #expect(PaddleColor(validating: bad) == nil, "\(bad)")
        }
    }

    @Test func emptyPayloadEventsIgnoreTheirPayload() throws {
        #expect(try client(#"{"type":"lobby:leave","payload":{"lobbyId":"ignored"}}"#) == .leaveLobby)
        #expect(try client(#"{"type":"lobby:start","payload":null}"#) == .startLobby)
        #expect(String(decoding: EventCodec.encode(ClientMessage(id: "z1", event: .closeLobby)), as: UTF8.self)
            == #"{"type":"lobby:close","payload":{},"id":"z1"}"#)
    }

    @Test func streamsFollowTheirStatus() throws {
        func streams(_ chat: String, _ events: String = #"{"status":"reset"}"#) -> String {
            #"{"type":"session.resumed","payload":{"streams":{"chat":\#(chat),"lobbyEvents":\#(events)}},"timestamp":1}"#
        }
        let reset = try EventCodec.decodeServer(bytes(streams(#"{"status":"reset","missed":3,"messages":[5]}"#))).get()
        let bothReset = ResumeStreams(chat: .reset, lobbyEvents: .reset)
        #expect(reset.event == .sessionResumed(SessionResumed(lobby: nil, streams: bothReset)))
        let gap = try EventCodec.decodeServer(bytes(streams(#"{"status":"gap","missed":2}"#))).get()
        #expect(gap.event == .sessionResumed(SessionResumed(
            lobby: nil, streams: ResumeStreams(chat: .gap(missed: 2, rest: []), lobbyEvents: .reset))))
        #expect(serverFailure(streams(#"{"status":"recovered"}"#))?.field == "payload.streams.chat.messages")
        #expect(serverFailure(streams(#"{"status":"gap","messages":[]}"#))?.field == "payload.streams.chat.missed")
        #expect(serverFailure(streams(#"{"status":"gap","missed":0}"#))?.field == "payload.streams.chat.missed")
        #expect(serverFailure(streams(#"{"status":"lost"}"#))?.field == "payload.streams.chat.status")
        #expect(serverFailure(streams(#"{"status":"reset"}"#, "5"))?.field == "payload.streams.lobbyEvents")
    }

    @Test func embeddedEventsNameTheirNestedFields() throws {
        func resumed(_ event: String) -> String {
            #"{"type":"session.resumed","payload":{"streams":{"chat":{"status":"reset"},"lobbyEvents":{"status":"recovered","events":[\#(event)]}}},"timestamp":1}"#
        }
        #expect(serverFailure(resumed(#"{"type":"lobby:join","payload":{}}"#))?.field
            == "payload.streams.lobbyEvents.events[0].type")
        #expect(serverFailure(resumed(#"{"payload":{}}"#))?.field == "payload.streams.lobbyEvents.events[0].type")
        #expect(serverFailure(resumed(#"{"type":"lobby:closed","payload":{"lobbyId":"l","reason":"bored"}}"#))?.field
            == "payload.streams.lobbyEvents.events[0].payload.reason")
        #expect(serverFailure(resumed(#"{"type":"lobby:closed"}"#))?.field
            == "payload.streams.lobbyEvents.events[0].payload.lobbyId")
        #expect(serverFailure(resumed(#"{"type":"lobby:closed","payload":[]}"#))?.field
            == "payload.streams.lobbyEvents.events[0].payload")
        let decoded = try EventCodec.decodeServer(bytes(resumed(#"{"type":"lobby:closed","payload":{"lobbyId":"l-7k2m9q4x1b","reason":"empty"},"timestamp":5,"replyTo":"x"}"#))).get()
        guard case .sessionResumed(let payload) = decoded.event else {
            Issue.record("decoded \(decoded)")
            return
        }
        #expect(payload.streams.lobbyEvents == .recovered([.lobbyClosed(LobbyClosed(lobbyId: Self.lobbyId,
                                                                                     reason: .empty))]))
    }

    @Test func lobbyStateNamesNestedFields() {
        func update(_ players: String, result: String = "") -> String {
            #"{"type":"lobby:update","payload":{"lobby":{"id":"l","name":"n","gameType":"pong","maxPlayers":2,"private":false,"settings":{"pointsToWin":5},"hostId":"u","state":"finished","version":1,"createdAt":0\#(result),"players":\#(players)}},"timestamp":1}"#
        }
        let good = ##"{"userId":"u","username":"u","ready":false,"connected":true,"customization":{"paddleColor":"#FFFFFF"},"joinedAt":0,"unread":0}"##
        #expect(serverFailure(update("[\(good)]")) == nil)
        #expect(serverFailure(update("[\(good),\(good.replacingOccurrences(of: "#FFFFFF", with: "white"))]"))?.field
            == "payload.lobby.players[1].customization.paddleColor")
        #expect(serverFailure(update("[\(good.replacingOccurrences(of: "\"unread\":0", with: "\"unread\":-1"))]"))?
            .field == "payload.lobby.players[0].unread")
        let scoreless = #","result":{"scores":[{"userId":"u"}],"reason":"score","endedAt":1}"#
        #expect(serverFailure(update("[]", result: scoreless))?.field == "payload.lobby.result.scores[0].score")
        #expect(serverFailure(update("[]", result: #","result":{"scores":[],"reason":"draw","endedAt":1}"#))?.field
            == "payload.lobby.result.reason")
    }

    @Test func systemErrorCarriesAReason() throws {
        let error = SystemError(code: .conflict, message: "full", reason: LobbyErrorReason.lobbyFull.rawValue)
        #expect(String(decoding: EventCodec.encode(.systemError(error), replyTo: nil, timestamp: 1), as: UTF8.self)
            == #"{"type":"system.error","payload":{"code":"conflict","message":"full","reason":"lobby_full"},"timestamp":1}"#)
        // Clients keep working when the server adds reasons: any string decodes.
        let future = #"{"type":"system.error","payload":{"code":"conflict","message":"m","reason":"new_reason"},"timestamp":1}"#
        #expect(try EventCodec.decodeServer(bytes(future)).get().event
            == .systemError(SystemError(code: .conflict, message: "m", reason: "new_reason")))
        #expect(serverFailure(#"{"type":"system.error","payload":{"code":"conflict","message":"m","reason":5}}"#)?.field
            == "payload.reason")
    }

    @Test func connectionAckWithoutResumeTokenStillDecodes() throws {
        let old = #"{"type":"connection.ack","payload":{"connectionId":"c","userId":"u","username":"u","role":"player","serverId":"s","heartbeatIntervalMs":1,"serverTime":0},"timestamp":0}"#
        guard case .connectionAck(let ack) = try EventCodec.decodeServer(bytes(old)).get().event else {
            Issue.record("not an ack")
            return
        }
        #expect(ack.resumeToken == nil)
    }
}
