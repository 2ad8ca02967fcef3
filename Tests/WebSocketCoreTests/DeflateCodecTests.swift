import Testing

@testable import WebSocketCore

/// The permessage-deflate codec: the RFC 7692 7.2.3 examples byte for byte, round trips at every window size,
/// independence of messages (no context takeover), the inflated-size limit and broken input.
@Suite struct DeflateCodecTests {
    /// Compresses `bytes` and copies the result out.
    static func compress(_ codec: DeflateCodec, _ bytes: [UInt8], windowBits: Int = 15) -> [UInt8] {
        bytes.withUnsafeBytes { Array(codec.compress($0, windowBits: windowBits)) }
    }

    /// Decompresses `payload`; the message copied out, or nil with the outcome's name.
    static func decompress(
        _ codec: DeflateCodec, _ payload: [UInt8], maxSize: Int = 1 << 24
    ) -> Result<[UInt8], Failure> {
        payload.withUnsafeBytes { bytes in
            switch codec.decompress(bytes, maxSize: maxSize) {
            case .message(let message): return .success(Array(message))
            case .tooBig: return .failure(.tooBig)
            case .corrupt: return .failure(.corrupt)
            }
        }
    }

    /// A decompression outcome other than a message.
    enum Failure: Error, Equatable { case tooBig, corrupt }

    /// Text that compresses well, like a game's JSON.
    static func json(_ count: Int) -> [UInt8] {
        let unit = Array(#"{"type":"move","player":1234,"x":10.5,"y":-3.25,"seq":987654},"#.utf8)
        return (0..<count).map { unit[$0 % unit.count] }
    }

    static let hello = Array("Hello".utf8)

    @Test func helloCompressesToTheRFCBytes() {
        // RFC 7692 7.2.3.1: "Hello" is 0xf2 0x48 0xcd 0xc9 0xc9 0x07 0x00 once 00 00 ff ff is removed.
        let codec = DeflateCodec()
        #expect(Self.compress(codec, Self.hello) == [0xF2, 0x48, 0xCD, 0xC9, 0xC9, 0x07, 0x00])
        // Twice: nothing carries over from the first message (no context takeover).
        #expect(Self.compress(codec, Self.hello) == [0xF2, 0x48, 0xCD, 0xC9, 0xC9, 0x07, 0x00])
        // RFC 7692 7.2.3.6: an empty message is a single 0x00.
        #expect(Self.compress(codec, []) == [0x00])
    }

    @Test(arguments: [
        // 7.2.3.1: one compressed block.
        [0xF2, 0x48, 0xCD, 0xC9, 0xC9, 0x07, 0x00],
        // 7.2.3.3: a block with no compression.
        [0x00, 0x05, 0x00, 0xFA, 0xFF, 0x48, 0x65, 0x6C, 0x6C, 0x6F, 0x00],
        // 7.2.3.4: a block with BFINAL set, then the empty block's first byte.
        [0xF3, 0x48, 0xCD, 0xC9, 0xC9, 0x07, 0x00, 0x00],
        // 7.2.3.5: two blocks in one message.
        [0xF2, 0x48, 0x05, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0xCA, 0xC9, 0xC9, 0x07, 0x00],
        // A sender that ends with BFINAL and appends nothing (zlib's Z_FINISH output).
        [0xF3, 0x48, 0xCD, 0xC9, 0xC9, 0x07, 0x00],
    ] as [[UInt8]])
    func rfcExamplesInflateToHello(payload: [UInt8]) {
        let codec = DeflateCodec()
        #expect(Self.decompress(codec, payload) == .success(Self.hello))
        #expect(Self.decompress(codec, payload) == .success(Self.hello))  // and again: the inflater was reset
    }

    @Test func emptyMessageInflatesToNothing() {
        #expect(Self.decompress(DeflateCodec(), [0x00]) == .success([]))
    }

    /// RFC 7692 7.2.3.2: the second "Hello" refers back into the first message's window, which a peer may only
    /// do with context takeover. We negotiate client_no_context_takeover, so it is broken input here.
    @Test func aBackReferenceIntoThePreviousMessageIsCorrupt() {
        let codec = DeflateCodec()
        #expect(Self.decompress(codec, [0xF2, 0x48, 0xCD, 0xC9, 0xC9, 0x07, 0x00]) == .success(Self.hello))
        #expect(Self.decompress(codec, [0xF2, 0x00, 0x11, 0x00, 0x00]) == .failure(.corrupt))
        // The failure did not poison the inflater.
        #expect(Self.decompress(codec, [0xF2, 0x48, 0xCD, 0xC9, 0xC9, 0x07, 0x00]) == .success(Self.hello))
    }

    /// A block with BFINAL set followed by more blocks of the same message (RFC 7692 7.2.1), which may refer
    /// back across the stream end.
    @Test func blocksAfterAFinalBlockContinueTheMessage() {
        // "Hello" with BFINAL, then "Hello" as a back reference (distance 5, length 5) in a fixed block.
        let codec = DeflateCodec()
        let first: [UInt8] = [0xF3, 0x48, 0xCD, 0xC9, 0xC9, 0x07, 0x00]
        let second: [UInt8] = [0xF2, 0x00, 0x11, 0x00, 0x00]
        #expect(Self.decompress(codec, first + second) == .success(Self.hello + Self.hello))
    }

    @Test(arguments: [9, 10, 12, 15])
    func roundTripsAtEveryWindowSize(windowBits: Int) {
        let codec = DeflateCodec()
        for size in [0, 1, 63, 64, 1000, 40_000, 300_000] {
            for message in [Self.json(size), seededBytes(size, seed: UInt64(size))] {
                let compressed = Self.compress(codec, message, windowBits: windowBits)
                #expect(Self.decompress(codec, compressed) == .success(message), "size \(size)")
            }
        }
        let big = Self.json(300_000)
        #expect(Self.compress(codec, big, windowBits: windowBits).count < big.count / 20)
    }

    @Test func levelsAndMemoryLevelsAllRoundTrip() {
        let message = Self.json(70_000) + seededBytes(5000, seed: 3)
        for level in [1, 6, 9] {
            for memoryLevel in [1, 8, 9] {
                let codec = DeflateCodec(level: level, memoryLevel: memoryLevel)
                #expect(Self.decompress(codec, Self.compress(codec, message)) == .success(message))
            }
        }
    }

    @Test func everyMessageIsCompressedIndependently() {
        let codec = DeflateCodec()
        let a = Self.json(5000)
        let b = Array(Self.json(5000).reversed())
        let bAlone = Self.compress(DeflateCodec(), b)
        _ = Self.compress(codec, a)
        // Same bytes as from a fresh codec: nothing of `a` is referenced, which is what makes one compressed
        // copy of a broadcast valid for every recipient.
        #expect(Self.compress(codec, b) == bAlone)
        #expect(Self.decompress(DeflateCodec(), bAlone) == .success(b))
    }

    @Test func handlerMayCompressWhileHoldingAnInflatedMessage() {
        let codec = DeflateCodec()
        let message = Self.json(10_000)
        let compressed = Self.compress(codec, message)
        compressed.withUnsafeBytes { payload in
            guard case .message(let inflated) = codec.decompress(payload, maxSize: 1 << 20) else {
                Issue.record("did not inflate")
                return
            }
            let recompressed = Array(codec.compress(inflated))  // an echo handler does exactly this
            #expect(Array(inflated) == message)
            #expect(recompressed == compressed)
        }
    }

    /// The limit is on the inflated size and is enforced while inflating: a tiny payload that would inflate to
    /// 64 MiB stops one byte past the limit.
    @Test func zipBombStopsAtTheLimit() {
        let codec = DeflateCodec()
        let bomb = Self.compress(codec, [UInt8](repeating: 0, count: 64 << 20))
        #expect(bomb.count < 100_000)
        let limit = 1 << 20
        #expect(Self.decompress(codec, bomb, maxSize: limit) == .failure(.tooBig))
        #expect(codec.inflated.capacity <= limit + 1)
        #expect(Self.decompress(codec, bomb, maxSize: 0) == .failure(.tooBig))
        codec.trim(.compressed)
        #expect(codec.inflated.capacity > DeflateCodec.retainedScratch)  // that one is still in use
        codec.trim(.inflated)
        #expect(codec.inflated.capacity == 0)
    }

    @Test func aMessageExactlyAtTheLimitIsAccepted() {
        let codec = DeflateCodec()
        let message = Self.json(100_000)
        let compressed = Self.compress(codec, message)
        #expect(Self.decompress(codec, compressed, maxSize: message.count) == .success(message))
        #expect(Self.decompress(codec, compressed, maxSize: message.count - 1) == .failure(.tooBig))
        #expect(Self.decompress(codec, Self.compress(codec, []), maxSize: 0) == .success([]))
    }

    @Test func brokenInputIsCorrupt() {
        let codec = DeflateCodec()
        // BTYPE 11 is reserved (RFC 1951 3.2.3).
        #expect(Self.decompress(codec, [0xFF, 0xFF]) == .failure(.corrupt))
        // A stored block whose NLEN is not the complement of LEN.
        let badStored: [UInt8] = [0x00, 0x05, 0x00, 0x00, 0x00, 0x48, 0x65, 0x6C, 0x6C, 0x6F]
        #expect(Self.decompress(codec, badStored) == .failure(.corrupt))
        // A message cut short inside a block does not end on a block boundary.
        let compressed = Self.compress(codec, Self.json(3000) + seededBytes(3000, seed: 9))
        for cut in [1, 10, compressed.count / 2] {
            #expect(Self.decompress(codec, Array(compressed.dropLast(cut))) == .failure(.corrupt), "cut \(cut)")
        }
        // An empty payload is not a DEFLATE message (an empty message is 0x00).
        #expect(Self.decompress(codec, []) == .failure(.corrupt))
        // Garbage after a final block.
        #expect(Self.decompress(codec, [0xF3, 0x48, 0xCD, 0xC9, 0xC9, 0x07, 0x00, 0xFF, 0xFF]) == .failure(.corrupt))
        // Still usable afterwards.
        #expect(Self.decompress(codec, [0xF2, 0x48, 0xCD, 0xC9, 0xC9, 0x07, 0x00]) == .success(Self.hello))
    }

    @Test func seededRandomPayloadsNeverCrash() {
        let codec = DeflateCodec()
        var rng = ReaderRandom(seed: 42)
        for _ in 0..<2000 {
            let payload = (0..<Int.random(in: 0...64, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            switch Self.decompress(codec, payload, maxSize: 4096) {
            case .success(let message): #expect(message.count <= 4096)
            case .failure: break
            }
        }
    }
}
