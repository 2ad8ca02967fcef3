import Testing

@testable import LobbyServer

/// ``GameInputLog``: its byte format, round trips, refusals and random bytes.
@Suite struct GameInputLogTests {
    typealias Entry = GameInputLog.Entry

    /// A log of `entries` (which must be in order).
    static func log(_ entries: [Entry]) -> GameInputLog {
        var log = GameInputLog()
        for entry in entries { log.append(tick: entry.tick, side: entry.side, input: entry.input) }
        return log
    }

    /// A random log of up to `maxCount` entries in order, mixing small and huge tick gaps and odd targets.
    static func randomLog(_ random: inout SplitMix64, maxCount: Int) -> GameInputLog {
        var log = GameInputLog()
        var tick: UInt64 = 0
        let count = Int(random.next() % UInt64(maxCount + 1))
        for _ in 0..<count {
            let gap: UInt64
            switch random.next() % 8 {
            case 0: gap = 0
            case 1: gap = random.next() >> (random.next() % 64)
            default: gap = random.next() % 200
            }
            guard tick <= UInt64.max - gap else { break }
            tick += gap
            var side: PongSide = random.next() & 1 == 0 ? .left : .right
            if let last = log.entries.last, last.tick == tick {
                guard last.side == .left else { continue }
                side = .right
            }
            let input: PaddleInput
            switch random.next() % 5 {
            case 0: input = .stop
            case 1: input = .up
            case 2: input = .down
            case 3: input = .target(random.nextUnit() * 600)
            default: input = .target(Double(bitPattern: random.next()))
            }
            log.append(tick: tick, side: side, input: input)
        }
        return log
    }

    @Test func theBytesAreTheDocumentedOnes() throws {
        let log = Self.log([
            Entry(tick: 0, side: .left, input: .up),
            Entry(tick: 0, side: .right, input: .target(300)),
            Entry(tick: 130, side: .left, input: .stop),
            Entry(tick: 131, side: .right, input: .down),
        ])
        // 300.0 is 0x4072C00000000000.
        #expect(
            log.encoded() == [
                0x01,
                0x00, 0x02,
                0x00, 0x07, 0x00, 0x00, 0x00, 0x00, 0x00, 0xC0, 0x72, 0x40,
                0x82, 0x01, 0x00,
                0x01, 0x05,
            ])
        #expect(GameInputLog().encoded() == [0x01])
        #expect(try GameInputLog(decoding: [0x01]) == GameInputLog())
    }

    @Test func logsRoundTripExactly() throws {
        var random = SplitMix64(seed: 99)
        for _ in 0..<500 {
            let log = Self.randomLog(&random, maxCount: 60)
            let bytes = log.encoded()
            let decoded = try GameInputLog(decoding: bytes)
            // Compared as bytes: NaN targets are not equal to themselves, their bits are.
            #expect(decoded.encoded() == bytes)
            #expect(decoded.entries.map(\.tick) == log.entries.map(\.tick))
            #expect(decoded.entries.map(\.side) == log.entries.map(\.side))
        }
        let extremes = Self.log([
            Entry(tick: 1, side: .right, input: .target(-0.0)),
            Entry(tick: 2, side: .left, input: .target(.infinity)),
            Entry(tick: UInt64.max - 1, side: .left, input: .target(.leastNonzeroMagnitude)),
            Entry(tick: UInt64.max, side: .left, input: .down),
            Entry(tick: UInt64.max, side: .right, input: .up),
        ])
        let decoded = try GameInputLog(decoding: extremes.encoded())
        #expect(decoded == extremes)
        #expect(decoded.entries[0].input == .target(0) && (decoded.entries[0].input.targetBits == (-0.0).bitPattern))
    }

    @Test func malformedBytesAreRefusedWithTheirReason() {
        func refusal(_ bytes: [UInt8]) -> GameInputLog.DecodingError? {
            do {
                _ = try GameInputLog(decoding: bytes)
                return nil
            } catch {
                return error
            }
        }
        #expect(refusal([]) == .empty)
        #expect(refusal([0x02, 0x00, 0x00]) == .unsupportedVersion(2))
        #expect(refusal([0x00]) == .unsupportedVersion(0))
        #expect(refusal([0x01, 0x80]) == .truncated(at: 2))
        #expect(refusal([0x01, 0x05]) == .truncated(at: 2))
        #expect(refusal([0x01, 0x00, 0x08]) == .unknownKind(8, at: 2))
        #expect(refusal([0x01, 0x00, 0xFF]) == .unknownKind(0xFF, at: 2))
        #expect(refusal([0x01, 0x00, 0x07, 0x01, 0x02, 0x03]) == .truncated(at: 3))
        #expect(refusal([0x01, 0x00, 0x06] + [UInt8](repeating: 0, count: 7)) == .truncated(at: 3))
        // Over-long spellings and varints past 64 bits.
        #expect(refusal([0x01, 0x80, 0x00, 0x02]) == .badVarint(at: 1))
        #expect(refusal([0x01] + [UInt8](repeating: 0xFF, count: 9) + [0x02, 0x00]) == .badVarint(at: 1))
        #expect(refusal([0x01] + [UInt8](repeating: 0xFF, count: 10) + [0x01, 0x00]) == .badVarint(at: 1))
        #expect(refusal([0x01] + [UInt8](repeating: 0xFF, count: 9) + [0x01, 0x00]) == nil)
        // Order within a tick: one entry per side, left first.
        #expect(refusal([0x01, 0x00, 0x02, 0x00, 0x04]) == .outOfOrder(at: 3))
        #expect(refusal([0x01, 0x00, 0x03, 0x00, 0x02]) == .outOfOrder(at: 3))
        #expect(refusal([0x01, 0x05, 0x02, 0x00, 0x03, 0x00, 0x05]) == .outOfOrder(at: 5))
        // Ticks past UInt64.max.
        let huge = [UInt8](repeating: 0xFF, count: 9) + [0x01]
        #expect(refusal([0x01] + huge + [0x00, 0x01, 0x00]) == .tickOverflow(at: 12))
    }

    /// Random bytes (and damaged real logs) never crash the decoder; whatever it accepts re-encodes to the same
    /// bytes, so the format has exactly one spelling per log.
    @Test func randomBytesNeverCrashAndAcceptedOnesAreCanonical() {
        var random = SplitMix64(seed: 7)
        var accepted = 0
        for round in 0..<30_000 {
            var bytes: [UInt8]
            if round % 2 == 0 {
                let count = Int(random.next() % 40)
                bytes = (0..<count).map { _ in UInt8(truncatingIfNeeded: random.next()) }
                if round % 4 == 0, !bytes.isEmpty { bytes[0] = GameInputLog.formatVersion }
            } else {
                bytes = Self.randomLog(&random, maxCount: 12).encoded()
                switch random.next() % 3 {
                case 0: bytes = Array(bytes.prefix(Int(random.next() % UInt64(bytes.count + 1))))
                case 1: bytes[Int(random.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: random.next())
                default:
                    bytes.insert(
                        UInt8(truncatingIfNeeded: random.next()), at: Int(random.next() % UInt64(bytes.count + 1)))
                }
            }
            if let log = try? GameInputLog(decoding: bytes) {
                accepted += 1
                #expect(log.encoded() == bytes)
            }
        }
        #expect(accepted > 1_000)
    }
}

extension PaddleInput {
    /// A target's bit pattern (nil for directions), to compare signed zeros and NaNs.
    var targetBits: UInt64? {
        if case .target(let y) = self { return y.bitPattern }
        return nil
    }
}
