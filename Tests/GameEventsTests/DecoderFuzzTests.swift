import Testing

@testable import GameEvents

/// Seeded random mutations of valid messages: the decoders never crash, every answer is well-formed, and whatever
/// decodes re-encodes to an equal message.
@Suite struct DecoderFuzzTests {
    static let seeds: [String] = [
        #"{"type":"chat:send_message","payload":{"to":"u-bob","text":"gg, rematch? é😀\n"},"id":"m1"}"#,
        #"{"type":"chat:history","payload":{"with":"u-bob","before":42,"limit":2},"id":"h2","timestamp":1}"#,
        #"{"type":"system.heartbeat","payload":{"clientTime":1763751600000},"id":"h1"}"#,
        #"{"type":"friend:add","payload":{"userId":"u-\u00e9\"x"},"id":"f1"}"#,
        #"{"type":"user:status","payload":{"status":"away"}}"#,
        #"{"type":"chat:message_read","payload":{"with":"u-alice","messageId":4.2e1},"id":"r"}"#,
        #"{"type":"lobby:create","payload":{"name":"Friday pong","maxPlayers":4,"settings":{"pointsToWin":11}},"id":"c1"}"#,
        ##"{"type":"lobby:customization","payload":{"paddleColor":"#1abc9c"},"id":"p1"}"##,
        #"{"type":"session.resume","payload":{"resumeToken":"rt.Hq9x","lastChatId":12,"lastLobbyVersion":2},"id":"s1"}"#,
        #"{"type":"game:input","payload":{"gameId":"g-q3x7k2m9ab","seq":41,"target":412.33},"id":"i1"}"#,
        #"{"type":"game:input","payload":{"gameId":"g-q3x7k2m9ab","seq":42,"direction":"down"}}"#,
        #"{"type":"game:replay","payload":{"gameId":"g-q3x7k2m9ab","speed":4},"id":"p"}"#,
    ]

    /// Bytes that tend to matter to a JSON parser.
    static let interesting: [UInt8] = Array("{}[]\",:\\0123456789-+.eEtrufalsn u".utf8)
        + [0x00, 0x1F, 0x7F, 0x80, 0xC3, 0xE2, 0xED, 0xF0, 0xFF]

    /// `input` with a few random edits.
    static func mutate(_ input: [UInt8], _ random: inout SeededGenerator) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...3, using: &random) {
            let position = Int.random(in: 0...bytes.count, using: &random)
            let byte = Bool.random(using: &random)
                ? interesting.randomElement(using: &random)! : UInt8.random(in: 0...255, using: &random)
            switch Int.random(in: 0..<4, using: &random) {
            case 0 where position < bytes.count: bytes[position] = byte
            case 1: bytes.insert(byte, at: position)
            case 2 where position < bytes.count: bytes.remove(at: position)
            default: bytes = Array(bytes[..<position])
            }
        }
        return bytes
    }

    @Test func mutatedClientMessagesNeverBreakTheDecoder() throws {
        var random = SeededGenerator(seed: 0xF022)
        var outcomes: [WireErrorCode?: Int] = [:]
        for iteration in 0..<30_000 {
            let input = Self.mutate(bytes(Self.seeds[iteration % Self.seeds.count]), &random)
            switch EventCodec.decodeClient(input) {
            case .success(let message):
                outcomes[nil, default: 0] += 1
                #expect(try EventCodec.decodeClient(EventCodec.encode(message)).get() == message)
            case .failure(let error):
                outcomes[error.code, default: 0] += 1
                #expect(!error.message.isEmpty)
                if let field = error.field { #expect(error.message.hasPrefix(field + ": ")) }
                #expect(error.code != .invalidJSON || error.field == nil)
            }
        }
        // The mutations reach every stage of decoding, not just the JSON parser.
        #expect(outcomes[nil, default: 0] > 100)
        #expect(outcomes[.invalidJSON, default: 0] > 1000)
        #expect(outcomes[.invalidPayload, default: 0] > 100)
        #expect(outcomes[.unknownEvent, default: 0] > 100)
    }

    @Test func mutatedServerMessagesNeverBreakTheDecoder() {
        var random = SeededGenerator(seed: 0x5E4E)
        let seeds = ServerEventRoundTripTests.events.map { EventCodec.encode($0, replyTo: "r", timestamp: 1) }
        for iteration in 0..<20_000 {
            let input = Self.mutate(seeds[iteration % seeds.count], &random)
            if case .success(let message) = EventCodec.decodeServer(input), let timestamp = message.timestamp {
                let again = EventCodec.encode(message.event, replyTo: message.replyTo, timestamp: timestamp)
                #expect((try? EventCodec.decodeServer(again).get()) == message)
            }
        }
    }
}
