import Testing

@testable import WebSocketCore

/// A small deterministic generator (SplitMix64) so failures reproduce from the seed.
struct HTTPSeededGenerator: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Seeded random garbage and mutated requests: the parsers never crash, and the result never depends on how the
/// bytes were split.
@Suite struct HTTPFuzzTests {
    static let valid = Array(
        "GET /ws?x=1 HTTP/1.1\r\nHost: h\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nContent-Length: 0\r\n\r\n".utf8
    )
    static let alphabet = Array("GET /HTP1.0\r\n:; \t,=?%Hostcnu-\u{0}\u{7F}".utf8) + [0x80, 0xFF]

    func input(_ rng: inout HTTPSeededGenerator) -> [UInt8] {
        switch Int.random(in: 0..<3, using: &rng) {
        case 0:
            return (0..<Int.random(in: 0..<200, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
        case 1:
            return (0..<Int.random(in: 0..<200, using: &rng)).map { _ in Self.alphabet.randomElement(using: &rng)! }
        default:
            var bytes = Self.valid
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                let at = Int.random(in: 0..<bytes.count, using: &rng)
                switch Int.random(in: 0..<3, using: &rng) {
                case 0: bytes[at] = Self.alphabet.randomElement(using: &rng)!
                case 1: bytes.insert(UInt8.random(in: 0...255, using: &rng), at: at)
                default: bytes.remove(at: at)
                }
            }
            return bytes
        }
    }

    @Test func requestParserSurvivesGarbage() {
        var rng = HTTPSeededGenerator(state: 0x10BB_7C0D_E5EE_D001)
        var heads = 0
        for round in 0..<3000 {
            let bytes = input(&rng)
            let max = Int.random(in: 16...256, using: &rng)
            let whole = HTTPFeed.whole(bytes, max: max)
            let cuts = (0..<Int.random(in: 0...4, using: &rng)).map { _ in Int.random(in: 0...bytes.count, using: &rng)
            }
            #expect(HTTPFeed.inPieces(bytes, cuts: cuts.sorted(), max: max) == whole, "round \(round)")
            if round % 10 == 0 {
                #expect(HTTPFeed.byteByByte(bytes, max: max) == whole, "round \(round) byte by byte")
            }
            if case .head(_, _, _, _, _, _, let length) = whole {
                heads += 1
                #expect(length <= bytes.count && length <= max)
            }
        }
        #expect(heads > 0)  // the mutations leave some requests valid, so the happy path is exercised too
    }

    @Test func responseParserSurvivesGarbage() {
        var rng = HTTPSeededGenerator(state: 42)
        for _ in 0..<2000 {
            var bytes = input(&rng)
            if Bool.random(using: &rng) { bytes = Array("HTTP/1.1 101 OK\r\n".utf8) + bytes }
            var parser = HTTPResponseParser(maxHeaderBytes: 128)
            for end in stride(from: 0, through: bytes.count, by: 7) + [bytes.count] {
                if case .head(_, let length) = Array(bytes[0..<end]).withUnsafeBytes({ parser.parse($0) }) {
                    #expect(length <= end)
                    break
                }
            }
        }
    }

    @Test func base64DecoderSurvivesGarbage() {
        var rng = HTTPSeededGenerator(state: 7)
        for _ in 0..<2000 {
            let bytes = (0..<Int.random(in: 0..<40, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            let text = String(decoding: bytes, as: UTF8.self)
            _ = Base64.decode(text)
            _ = WebSocketHandshake.isValidKey(text)
            // And every encoding decodes back.
            #expect(Base64.decode(Base64.encode(bytes)) == bytes)
            #expect(Base64.decode(Base64.encode(bytes, alphabet: .url, padded: false), alphabet: .url) == bytes)
        }
    }
}
