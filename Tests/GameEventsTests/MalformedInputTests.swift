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
