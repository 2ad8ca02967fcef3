import Testing

@testable import GameEvents

/// Malformed client messages: the exact code, field and echoed `id` of each answer.
@Suite struct MalformedInputTests {
    /// A malformed message and the error it must produce.
    struct Case: Sendable, CustomStringConvertible {
        let input: String
        let code: WireErrorCode
        let field: String?
        let id: String?
        var description: String { input }

        init(_ input: String, _ code: WireErrorCode, _ field: String?, id: String? = nil) {
            self.input = input
            self.code = code
            self.field = field
            self.id = id
        }
    }

    static let long65 = String(repeating: "x", count: 65)

    static let cases: [Case] = [
        // Not JSON, or not an object.
        Case("", .invalidJSON, nil),
        Case("hello", .invalidJSON, nil),
        Case(#"{"type":"friend:list""#, .invalidJSON, nil),
        Case(#"{"type":"friend:list",}"#, .invalidJSON, nil),
        Case(#"{"type":"friend:list","type":"friend:list"}"#, .invalidJSON, nil),
        Case(#"{"type":"friend:list"} {}"#, .invalidJSON, nil),
        Case("[]", .invalidJSON, nil),
        Case(#""friend:list""#, .invalidJSON, nil),
        Case("null", .invalidJSON, nil),
        Case(#"{"type":"friend:list","payload":{"x":"# + String(repeating: "[", count: 20)
            + String(repeating: "]", count: 20) + "}}", .invalidJSON, nil),
        // id.
        Case(#"{"type":"friend:list","id":5}"#, .invalidPayload, "id"),
        Case(#"{"type":"friend:list","id":""}"#, .invalidPayload, "id"),
        Case(#"{"type":"friend:list","id":"\#(long65)"}"#, .invalidPayload, "id"),
        Case(#"{"type":"friend:list","id":["a"]}"#, .invalidPayload, "id"),
        // type.
        Case("{}", .invalidPayload, "type"),
        Case(#"{"type":5,"id":"a"}"#, .invalidPayload, "type", id: "a"),
        Case(#"{"type":null}"#, .invalidPayload, "type"),
        Case(#"{"payload":{},"id":"a"}"#, .invalidPayload, "type", id: "a"),
        Case(#"{"type":"nope","id":"a"}"#, .unknownEvent, "type", id: "a"),
        Case(#"{"type":"Friend:add","payload":{"userId":"u"}}"#, .unknownEvent, "type"),
        Case(#"{"type":"friend:online","payload":{}}"#, .unknownEvent, "type"),
        Case(#"{"type":""}"#, .unknownEvent, "type"),
        // timestamp.
        Case(#"{"type":"friend:list","timestamp":"now","id":"t"}"#, .invalidPayload, "timestamp", id: "t"),
        Case(#"{"type":"friend:list","timestamp":true}"#, .invalidPayload, "timestamp"),
        // payload.
        Case(#"{"type":"friend:add","payload":5,"id":"p"}"#, .invalidPayload, "payload", id: "p"),
        Case(#"{"type":"friend:add","payload":"x"}"#, .invalidPayload, "payload"),
        Case(#"{"type":"friend:add","payload":[]}"#, .invalidPayload, "payload"),
        // friend:add / friend:remove.
        Case(#"{"type":"friend:add","id":"f"}"#, .invalidPayload, "payload.userId", id: "f"),
        Case(#"{"type":"friend:add","payload":{"userId":null}}"#, .invalidPayload, "payload.userId"),
        Case(#"{"type":"friend:add","payload":{"userId":5}}"#, .invalidPayload, "payload.userId"),
        Case(#"{"type":"friend:remove","payload":{"userId":""}}"#, .invalidPayload, "payload.userId"),
        Case(#"{"type":"friend:remove","payload":{"userId":"a b"}}"#, .invalidPayload, "payload.userId"),
        Case(#"{"type":"friend:add","payload":{"userId":"\#(long65)"}}"#, .invalidPayload, "payload.userId"),
        Case(#"{"type":"friend:add","payload":{"userId":"u\u0001"}}"#, .invalidPayload, "payload.userId"),
        Case(#"{"type":"friend:add","payload":{"userId":"u\u200Bx"}}"#, .invalidPayload, "payload.userId"),
        // user:status.
        Case(#"{"type":"user:status","payload":{}}"#, .invalidPayload, "payload.status"),
        Case(#"{"type":"user:status","payload":{"status":"offline"}}"#, .invalidPayload, "payload.status"),
        Case(#"{"type":"user:status","payload":{"status":"in_game"}}"#, .invalidPayload, "payload.status"),
        Case(#"{"type":"user:status","payload":{"status":"Away"}}"#, .invalidPayload, "payload.status"),
        Case(#"{"type":"user:status","payload":{"status":1}}"#, .invalidPayload, "payload.status"),
        // system.heartbeat.
        Case(#"{"type":"system.heartbeat","payload":{"clientTime":"x"}}"#, .invalidPayload, "payload.clientTime"),
        Case(#"{"type":"system.heartbeat","payload":{"clientTime":1.5}}"#, .invalidPayload, "payload.clientTime"),
        Case(#"{"type":"system.heartbeat","payload":{"clientTime":1e30}}"#, .invalidPayload, "payload.clientTime"),
        // chat:send_message.
        Case(#"{"type":"chat:send_message","payload":{"text":"hi"}}"#, .invalidPayload, "payload.to"),
        Case(#"{"type":"chat:send_message","payload":{"to":"u-bob"},"id":"m"}"#, .invalidPayload, "payload.text",
             id: "m"),
        Case(#"{"type":"chat:send_message","payload":{"to":"u-bob","text":5}}"#, .invalidPayload, "payload.text"),
        Case(#"{"type":"chat:send_message","payload":{"to":"u-bob","text":""}}"#, .invalidPayload, "payload.text"),
        Case(#"{"type":"chat:send_message","payload":{"to":"u-bob","text":" \n\t "}}"#, .invalidPayload,
             "payload.text"),
        Case(#"{"type":"chat:send_message","payload":{"to":"u-bob","text":"\u0001\u0002\u007f"}}"#, .invalidPayload,
             "payload.text"),
        Case(#"{"type":"chat:send_message","payload":{"to":"u-bob","text":"\#(String(repeating: "a", count: 2001))"},"id":"big"}"#,
             .payloadTooLarge, "payload.text", id: "big"),
        // chat:typing_*.
        Case(#"{"type":"chat:typing_start","payload":{"to":5}}"#, .invalidPayload, "payload.to"),
        Case(#"{"type":"chat:typing_stop","payload":{}}"#, .invalidPayload, "payload.to"),
        // chat:message_read.
        Case(#"{"type":"chat:message_read","payload":{"messageId":1}}"#, .invalidPayload, "payload.with"),
        Case(#"{"type":"chat:message_read","payload":{"with":"u-bob","messageId":0}}"#, .invalidPayload,
             "payload.messageId"),
        Case(#"{"type":"chat:message_read","payload":{"with":"u-bob","messageId":-1}}"#, .invalidPayload,
             "payload.messageId"),
        Case(#"{"type":"chat:message_read","payload":{"with":"u-bob","messageId":1.5}}"#, .invalidPayload,
             "payload.messageId"),
        Case(#"{"type":"chat:message_read","payload":{"with":"u-bob","messageId":"42"}}"#, .invalidPayload,
             "payload.messageId"),
        Case(#"{"type":"chat:message_read","payload":{"with":"u-bob","messageId":9223372036854775808}}"#,
             .invalidPayload, "payload.messageId"),
        // chat:history.
        Case(#"{"type":"chat:history","payload":{}}"#, .invalidPayload, "payload.with"),
        Case(#"{"type":"chat:history","payload":{"with":"u-bob","limit":0}}"#, .invalidPayload, "payload.limit"),
        Case(#"{"type":"chat:history","payload":{"with":"u-bob","limit":101}}"#, .invalidPayload, "payload.limit"),
        Case(#"{"type":"chat:history","payload":{"with":"u-bob","limit":"5"}}"#, .invalidPayload, "payload.limit"),
        Case(#"{"type":"chat:history","payload":{"with":"u-bob","before":0}}"#, .invalidPayload, "payload.before"),
        Case(#"{"type":"chat:history","payload":{"with":"u-bob","after":true}}"#, .invalidPayload, "payload.after"),
        Case(#"{"type":"chat:history","payload":{"with":"u-bob","before":5,"after":3},"id":"h"}"#, .invalidPayload,
             "payload.after", id: "h"),
        // lobby:create.
        Case(#"{"type":"lobby:create","payload":{},"id":"c"}"#, .invalidPayload, "payload.name", id: "c"),
        Case(#"{"type":"lobby:create","payload":{"name":5}}"#, .invalidPayload, "payload.name"),
        Case(#"{"type":"lobby:create","payload":{"name":" \u0001\u00a0 "}}"#, .invalidPayload, "payload.name"),
        Case(#"{"type":"lobby:create","payload":{"name":"\#(String(repeating: "n", count: 49))"}}"#, .invalidPayload,
             "payload.name"),
        Case(#"{"type":"lobby:create","payload":{"name":"\#(String(repeating: "é", count: 49))"}}"#, .invalidPayload,
             "payload.name"),
        Case(#"{"type":"lobby:create","payload":{"name":"x","gameType":"chess"}}"#, .invalidPayload,
             "payload.gameType"),
        Case(#"{"type":"lobby:create","payload":{"name":"x","maxPlayers":1}}"#, .invalidPayload, "payload.maxPlayers"),
        Case(#"{"type":"lobby:create","payload":{"name":"x","maxPlayers":9}}"#, .invalidPayload, "payload.maxPlayers"),
        Case(#"{"type":"lobby:create","payload":{"name":"x","maxPlayers":2.5}}"#, .invalidPayload,
             "payload.maxPlayers"),
        Case(#"{"type":"lobby:create","payload":{"name":"x","private":"yes"}}"#, .invalidPayload, "payload.private"),
        Case(#"{"type":"lobby:create","payload":{"name":"x","settings":5}}"#, .invalidPayload, "payload.settings"),
        Case(#"{"type":"lobby:create","payload":{"name":"x","settings":{"pointsToWin":0}}}"#, .invalidPayload,
             "payload.settings.pointsToWin"),
        Case(#"{"type":"lobby:create","payload":{"name":"x","settings":{"pointsToWin":22}}}"#, .invalidPayload,
             "payload.settings.pointsToWin"),
        // lobby:list.
        Case(#"{"type":"lobby:list","payload":{"limit":0}}"#, .invalidPayload, "payload.limit"),
        Case(#"{"type":"lobby:list","payload":{"limit":51}}"#, .invalidPayload, "payload.limit"),
        Case(#"{"type":"lobby:list","payload":{"hasSpace":1}}"#, .invalidPayload, "payload.hasSpace"),
        Case(#"{"type":"lobby:list","payload":{"state":"playing"}}"#, .invalidPayload, "payload.state"),
        Case(#"{"type":"lobby:list","payload":{"gameType":"Pong"}}"#, .invalidPayload, "payload.gameType"),
        Case(#"{"type":"lobby:list","payload":{"cursor":""}}"#, .invalidPayload, "payload.cursor"),
        Case(#"{"type":"lobby:list","payload":{"cursor":"\#(long65)"}}"#, .invalidPayload, "payload.cursor"),
        Case(#"{"type":"lobby:list","payload":{"cursor":"a b"}}"#, .invalidPayload, "payload.cursor"),
        Case(#"{"type":"lobby:list","payload":{"cursor":7}}"#, .invalidPayload, "payload.cursor"),
        // lobby:join, lobby:ready, lobby:customization, lobby:invite.
        Case(#"{"type":"lobby:join","payload":{},"id":"j"}"#, .invalidPayload, "payload.lobbyId", id: "j"),
        Case(#"{"type":"lobby:join","payload":{"lobbyId":"l 1"}}"#, .invalidPayload, "payload.lobbyId"),
        Case(#"{"type":"lobby:join","payload":{"lobbyId":"\#(long65)"}}"#, .invalidPayload, "payload.lobbyId"),
        Case(#"{"type":"lobby:ready","payload":{}}"#, .invalidPayload, "payload.ready"),
        Case(#"{"type":"lobby:ready","payload":{"ready":"true"}}"#, .invalidPayload, "payload.ready"),
        Case(#"{"type":"lobby:customization","payload":{}}"#, .invalidPayload, "payload.paddleColor"),
        Case(#"{"type":"lobby:customization","payload":{"paddleColor":"red"}}"#, .invalidPayload,
             "payload.paddleColor"),
        Case(##"{"type":"lobby:customization","payload":{"paddleColor":"#12345"}}"##, .invalidPayload,
             "payload.paddleColor"),
        Case(##"{"type":"lobby:customization","payload":{"paddleColor":"#1234567"}}"##, .invalidPayload,
             "payload.paddleColor"),
        Case(##"{"type":"lobby:customization","payload":{"paddleColor":"#12345G"}}"##, .invalidPayload,
             "payload.paddleColor"),
        Case(#"{"type":"lobby:customization","payload":{"paddleColor":"123456"}}"#, .invalidPayload,
             "payload.paddleColor"),
        Case(##"{"type":"lobby:customization","payload":{"paddleColor":"#１２３４５６"}}"##, .invalidPayload,
             "payload.paddleColor"),
        Case(#"{"type":"lobby:invite","payload":{"userId":"a\tb"}}"#, .invalidPayload, "payload.userId"),
        // lobby:accept / lobby:decline.
        Case(#"{"type":"lobby:accept","payload":{}}"#, .invalidPayload, "payload.invitationId"),
        Case(#"{"type":"lobby:accept","payload":{"invitationId":"i-"}}"#, .invalidPayload, "payload.invitationId"),
        Case(#"{"type":"lobby:accept","payload":{"invitationId":"x-4d9x2k7m1p"}}"#, .invalidPayload,
             "payload.invitationId"),
        Case(#"{"type":"lobby:decline","payload":{"invitationId":"i-a b"}}"#, .invalidPayload,
             "payload.invitationId"),
        Case(#"{"type":"lobby:decline","payload":{"invitationId":"i-\#(String(repeating: "x", count: 63))"}}"#,
             .invalidPayload, "payload.invitationId"),
        Case(#"{"type":"lobby:decline","payload":{"invitationId":42}}"#, .invalidPayload, "payload.invitationId"),
        // lobby:chat, lobby:typing.
        Case(#"{"type":"lobby:chat","payload":{},"id":"m"}"#, .invalidPayload, "payload.text", id: "m"),
        Case(#"{"type":"lobby:chat","payload":{"text":" \u0000 "}}"#, .invalidPayload, "payload.text"),
        Case(#"{"type":"lobby:chat","payload":{"text":"\#(String(repeating: "a", count: 501))"},"id":"big"}"#,
             .payloadTooLarge, "payload.text", id: "big"),
        Case(#"{"type":"lobby:chat","payload":{"text":"\#(String(repeating: "😀", count: 501))"}}"#, .payloadTooLarge,
             "payload.text"),
        Case(#"{"type":"lobby:typing","payload":{}}"#, .invalidPayload, "payload.typing"),
        Case(#"{"type":"lobby:typing","payload":{"typing":0}}"#, .invalidPayload, "payload.typing"),
        // lobby:chat:history, lobby:chat:read.
        Case(#"{"type":"lobby:chat:history","payload":{"limit":101}}"#, .invalidPayload, "payload.limit"),
        Case(#"{"type":"lobby:chat:history","payload":{"limit":0}}"#, .invalidPayload, "payload.limit"),
        Case(#"{"type":"lobby:chat:history","payload":{"before":0}}"#, .invalidPayload, "payload.before"),
        Case(#"{"type":"lobby:chat:history","payload":{"before":5,"after":3},"id":"lh"}"#, .invalidPayload,
             "payload.after", id: "lh"),
        Case(#"{"type":"lobby:chat:read","payload":{}}"#, .invalidPayload, "payload.messageId"),
        Case(#"{"type":"lobby:chat:read","payload":{"messageId":-3}}"#, .invalidPayload, "payload.messageId"),
        // session.resume.
        Case(#"{"type":"session.resume","payload":{},"id":"s"}"#, .invalidPayload, "payload.resumeToken", id: "s"),
        Case(#"{"type":"session.resume","payload":{"resumeToken":""}}"#, .invalidPayload, "payload.resumeToken"),
        Case(#"{"type":"session.resume","payload":{"resumeToken":"a b"}}"#, .invalidPayload, "payload.resumeToken"),
        Case(#"{"type":"session.resume","payload":{"resumeToken":"é"}}"#, .invalidPayload, "payload.resumeToken"),
        Case(#"{"type":"session.resume","payload":{"resumeToken":"\#(String(repeating: "t", count: 513))"}}"#,
             .invalidPayload, "payload.resumeToken"),
        Case(#"{"type":"session.resume","payload":{"resumeToken":"t","lastChatId":0}}"#, .invalidPayload,
             "payload.lastChatId"),
        Case(#"{"type":"session.resume","payload":{"resumeToken":"t","lastLobbyVersion":0}}"#, .invalidPayload,
             "payload.lastLobbyVersion"),
        Case(#"{"type":"session.resume","payload":{"resumeToken":"t","lastLobbyVersion":"5"}}"#, .invalidPayload,
             "payload.lastLobbyVersion"),
        Case(#"{"type":"session.resumed","payload":{}}"#, .unknownEvent, "type"),
    ]

    @Test(arguments: cases)
    func answersWithTheExactCodeFieldAndID(_ example: Case) {
        switch EventCodec.decodeClient(bytes(example.input)) {
        case .success(let message):
            Issue.record("decoded \(message)")
        case .failure(let error):
            #expect(error.code == example.code, "\(error.message)")
            #expect(error.field == example.field, "\(error.message)")
            #expect(error.id == example.id)
            if let field = error.field { #expect(error.message.hasPrefix(field + ": "), "\(error.message)") }
        }
    }

    @Test func tableIsLargeEnough() {
        #expect(Self.cases.count >= 40)
    }

    @Test func messagesSayWhatWasWrong() {
        func message(_ input: String) -> String? {
            if case .failure(let error) = EventCodec.decodeClient(bytes(input)) { return error.message }
            return nil
        }
        #expect(message(#"{"type":"chat:history","payload":{"with":"u-bob","limit":0}}"#)
            == "payload.limit: must be an integer from 1 to 100")
        #expect(message(#"{"type":"friend:add","payload":{"userId":5}}"#) == "payload.userId: must be a string")
        #expect(message(#"{"type":"friend:add","payload":{}}"#) == "payload.userId: is required")
        #expect(message(#"{"type":"friend:add","payload":{"userId":"a b"}}"#)
            == "payload.userId: must be a user id (1-64 characters without whitespace or control characters)")
        #expect(message(#"{"type":"user:status","payload":{"status":"offline"}}"#)
            == "payload.status: must be one of online, away, busy")
        #expect(message(#"{"type":"chat:message_read","payload":{"with":"u","messageId":0}}"#)
            == "payload.messageId: must be a positive integer")
        #expect(message(#"{"type":"friend:online"}"#)
            == #"type: "friend:online" is not a client event (it is sent by the server)"#)
        #expect(message("[1,]") == "invalid JSON at byte 3: expected a value")
        #expect(message("[]") == "a message must be a JSON object")
        let longType = String(repeating: "t", count: 100)
        let shortened = String(repeating: "t", count: 64) + "…"
        #expect(message(#"{"type":"\#(longType)"}"#) == "type: \"\(shortened)\" is not a client event")
    }

    @Test func systemErrorCarriesTheDecodingError() throws {
        guard case .failure(let error) = EventCodec.decodeClient(bytes(#"{"type":"friend:add","id":"42"}"#)) else {
            Issue.record("decoded")
            return
        }
        let answer = EventCodec.encode(.systemError(SystemError(error)), replyTo: error.id, timestamp: 1)
        #expect(String(decoding: answer, as: UTF8.self)
            == #"{"type":"system.error","payload":{"code":"invalid_payload","message":"payload.userId: is required","field":"payload.userId"},"replyTo":"42","timestamp":1}"#)
    }
}
