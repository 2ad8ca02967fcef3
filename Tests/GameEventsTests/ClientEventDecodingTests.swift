import Testing

@testable import GameEvents

/// Every client event decodes to the expected value and round-trips through the client encoder; envelope rules.
@Suite struct ClientEventDecodingTests {
    static let bob = UserID(validating: "u-bob")!
    static let lobby = LobbyID(validating: "l-7k2m9q4x1b")!
    static let invitation = InvitationID(validating: "i-4d9x2k7m1p")!

    /// Decodes `text`, failing the test on error.
    func decode(_ text: String) throws -> ClientMessage {
        try EventCodec.decodeClient(bytes(text)).get()
    }

    /// One message per client event, with the value it stands for.
    static let examples: [(String, ClientEvent)] = [
        (#"{"type":"system.heartbeat"}"#, .heartbeat(Heartbeat())),
        (#"{"type":"system.heartbeat","payload":{"clientTime":1763751600000}}"#,
         .heartbeat(Heartbeat(clientTime: 1_763_751_600_000))),
        (#"{"type":"user:status","payload":{"status":"busy"}}"#, .setStatus(SetStatus(status: .busy))),
        (#"{"type":"friend:add","payload":{"userId":"u-bob"}}"#, .addFriend(FriendTarget(userId: bob))),
        (#"{"type":"friend:remove","payload":{"userId":"u-bob"}}"#, .removeFriend(FriendTarget(userId: bob))),
        (#"{"type":"friend:list"}"#, .listFriends),
        (#"{"type":"chat:send_message","payload":{"to":"u-bob","text":"  gg\r\n wp \u0007 "}}"#,
         .sendMessage(try! SendMessage(to: bob, text: "gg\n wp"))),
        (#"{"type":"chat:typing_start","payload":{"to":"u-bob"}}"#, .typingStart(TypingTarget(to: bob))),
        (#"{"type":"chat:typing_stop","payload":{"to":"u-bob"}}"#, .typingStop(TypingTarget(to: bob))),
        (#"{"type":"chat:message_read","payload":{"with":"u-bob","messageId":42}}"#,
         .messageRead(MessageRead(with: bob, messageId: MessageID(rawValue: 42)!))),
        (#"{"type":"chat:history","payload":{"with":"u-bob"}}"#, .history(try! HistoryQuery(with: bob))),
        (#"{"type":"chat:history","payload":{"with":"u-bob","after":7,"limit":100}}"#,
         .history(try! HistoryQuery(with: bob, after: MessageID(rawValue: 7), limit: 100))),
        (#"{"type":"lobby:create","payload":{"name":"  Friday\u0007 pong "}}"#,
         .createLobby(try! CreateLobby(name: "Friday pong"))),
        (#"{"type":"lobby:create","payload":{"name":"big","gameType":"pong","maxPlayers":8,"private":true,"settings":{"pointsToWin":21}}}"#,
         .createLobby(try! CreateLobby(name: "big", maxPlayers: 8, isPrivate: true,
                                       settings: LobbySettings(pointsToWin: 21)))),
        (#"{"type":"lobby:list"}"#, .listLobbies(try! LobbyListQuery())),
        (#"{"type":"lobby:list","payload":{"gameType":"pong","hasSpace":false,"state":"in_game","cursor":"abc","limit":50}}"#,
         .listLobbies(try! LobbyListQuery(gameType: .pong, hasSpace: false, state: .inGame, cursor: "abc", limit: 50))),
        (#"{"type":"lobby:join","payload":{"lobbyId":"l-7k2m9q4x1b"}}"#, .joinLobby(JoinLobby(lobbyId: lobby))),
        (#"{"type":"lobby:leave"}"#, .leaveLobby),
        (#"{"type":"lobby:ready","payload":{"ready":false}}"#, .setReady(SetReady(ready: false))),
        (##"{"type":"lobby:customization","payload":{"paddleColor":"#a0b1C2"}}"##,
         .customize(PlayerCustomization(paddleColor: PaddleColor(validating: "#A0B1C2")!))),
        (#"{"type":"lobby:start","payload":{}}"#, .startLobby),
        (#"{"type":"lobby:close"}"#, .closeLobby),
        (#"{"type":"lobby:invite","payload":{"userId":"u-bob"}}"#, .inviteToLobby(LobbyInvite(userId: bob))),
        (#"{"type":"lobby:accept","payload":{"invitationId":"i-4d9x2k7m1p"}}"#,
         .acceptInvitation(InvitationAnswer(invitationId: invitation))),
        (#"{"type":"lobby:decline","payload":{"invitationId":"i-4d9x2k7m1p"}}"#,
         .declineInvitation(InvitationAnswer(invitationId: invitation))),
        (#"{"type":"lobby:chat","payload":{"text":" glhf!\r\n"}}"#,
         .sendLobbyMessage(try! SendLobbyMessage(text: "glhf!"))),
        (#"{"type":"lobby:typing","payload":{"typing":true}}"#, .lobbyTyping(LobbyTyping(typing: true))),
        (#"{"type":"lobby:chat:history"}"#, .lobbyHistory(try! LobbyHistoryQuery())),
        (#"{"type":"lobby:chat:history","payload":{"before":12,"limit":1}}"#,
         .lobbyHistory(try! LobbyHistoryQuery(before: MessageID(rawValue: 12), limit: 1))),
        (#"{"type":"lobby:chat:read","payload":{"messageId":12}}"#,
         .lobbyChatRead(LobbyChatRead(messageId: MessageID(rawValue: 12)!))),
        (#"{"type":"session.resume","payload":{"resumeToken":"rt.abc"}}"#,
         .resumeSession(try! ResumeSession(resumeToken: "rt.abc"))),
        (#"{"type":"session.resume","payload":{"resumeToken":"rt.abc","lastChatId":12,"lastLobbyVersion":5}}"#,
         .resumeSession(try! ResumeSession(resumeToken: "rt.abc", lastChatId: MessageID(rawValue: 12),
                                           lastLobbyVersion: 5))),
    ] + GamePayloadTests.clientExamples

    @Test(arguments: examples.indices)
    func decodesAndRoundTrips(_ index: Int) throws {
        let (text, event) = Self.examples[index]
        let message = try decode(text)
        #expect(message.event == event)
        #expect(message.id == nil)
        #expect(message.event.name.rawValue == (try JSONParser.parse(text)["type"]?.stringValue))
        let withID = ClientMessage(id: "x-\(index)", event: event)
        #expect(try EventCodec.decodeClient(EventCodec.encode(withID, timestamp: 5)).get() == withID)
    }

    @Test func everyClientEventHasAnExample() {
        let covered = Set(Self.examples.map(\.1.name))
        #expect(covered == Set(ClientEventName.allCases))
    }

    @Test func encodesInDocumentedOrder() throws {
        let message = ClientMessage(id: "m1", event: .sendMessage(try SendMessage(to: Self.bob, text: "hi \"you\"")))
        #expect(String(decoding: EventCodec.encode(message, timestamp: 9), as: UTF8.self)
            == #"{"type":"chat:send_message","payload":{"to":"u-bob","text":"hi \"you\""},"id":"m1","timestamp":9}"#)
        #expect(String(decoding: EventCodec.encode(ClientMessage(event: .listFriends)), as: UTF8.self)
            == #"{"type":"friend:list","payload":{}}"#)
    }

    @Test func idIsEchoedAndValidated() throws {
        #expect(try decode(#"{"type":"friend:list","id":"abc"}"#).id == "abc")
        #expect(try decode(#"{"type":"friend:list","id":"\#(String(repeating: "é", count: 64))"}"#).id?.count == 64)
        #expect(try decode(#"{"type":"friend:list","id":"😀 x"}"#).id == "😀 x")
        #expect(try decode(#"{"type":"friend:list","id":null}"#).id == nil)
    }

    @Test func timestampIsAnyNumber() throws {
        _ = try decode(#"{"type":"friend:list","timestamp":1763751600000}"#)
        _ = try decode(#"{"type":"friend:list","timestamp":1763751600000.5}"#)
        _ = try decode(#"{"type":"friend:list","timestamp":-1e300}"#)
        _ = try decode(#"{"type":"friend:list","timestamp":null}"#)
    }

    @Test func payloadAbsentOrNullIsEmpty() throws {
        #expect(try decode(#"{"type":"friend:list"}"#).event == .listFriends)
        #expect(try decode(#"{"type":"friend:list","payload":null}"#).event == .listFriends)
        #expect(try decode(#"{"type":"system.heartbeat","payload":null}"#).event == .heartbeat(Heartbeat()))
    }

    @Test func nullOptionalFieldsAreAbsent() throws {
        #expect(try decode(#"{"type":"system.heartbeat","payload":{"clientTime":null}}"#).event
            == .heartbeat(Heartbeat()))
        #expect(try decode(#"{"type":"chat:history","payload":{"with":"u-bob","before":null,"after":3,"limit":null}}"#)
            .event == .history(try HistoryQuery(with: Self.bob, after: MessageID(rawValue: 3))))
    }

    @Test func unknownFieldsAreIgnored() throws {
        let message = try decode(#"{"v":2,"type":"friend:add","extra":[1,{"a":null}],"payload":{"userId":"u-bob","note":"hi"},"id":"q"}"#)
        #expect(message == ClientMessage(id: "q", event: .addFriend(FriendTarget(userId: Self.bob))))
    }

    @Test func integersAcceptAnyIntegralSpelling() throws {
        for spelling in ["50", "50.0", "5e1", "5E+1", "500e-1"] {
            let message = try decode(#"{"type":"chat:history","payload":{"with":"u-bob","limit":\#(spelling)}}"#)
            #expect(message.event == .history(try HistoryQuery(with: Self.bob, limit: 50)), "\(spelling)")
        }
        let heartbeat = try decode(#"{"type":"system.heartbeat","payload":{"clientTime":-9223372036854775808}}"#)
        #expect(heartbeat.event == .heartbeat(Heartbeat(clientTime: .min)))
    }

    @Test func historyQueryChecksItsInvariants() {
        #expect(throws: EventDecodingError.self) { try HistoryQuery(with: Self.bob, limit: 0) }
        #expect(throws: EventDecodingError.self) { try HistoryQuery(with: Self.bob, limit: 101) }
        #expect(throws: EventDecodingError.self) {
            try HistoryQuery(with: Self.bob, before: MessageID(rawValue: 2), after: MessageID(rawValue: 1))
        }
        #expect((try? HistoryQuery(with: Self.bob))?.limit == 50)
    }

    @Test func decodesFromUnsafeBytes() throws {
        let input = bytes(#"{"type":"friend:list","id":"u"}"#)
        let message = try input.withUnsafeBytes { EventCodec.decodeClient($0) }.get()
        #expect(message == ClientMessage(id: "u", event: .listFriends))
    }
}
