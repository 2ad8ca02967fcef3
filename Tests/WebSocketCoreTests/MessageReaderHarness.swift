import Testing

@testable import WebSocketCore

/// An event copied out of the reader's borrowed buffers, so tests can compare whole runs.
enum ReaderEvent: Equatable, CustomStringConvertible {
    /// A text message's bytes.
    case text([UInt8])
    /// A binary message's bytes.
    case binary([UInt8])
    /// A ping payload.
    case ping([UInt8])
    /// A pong payload.
    case pong([UInt8])
    /// A close code (nil for an empty body) and reason bytes.
    case close(UInt16?, [UInt8])
    /// A failure's close code.
    case failure(UInt16)

    /// Short form for failure messages (payloads can be megabytes).
    var description: String {
        switch self {
        case .text(let b): return "text(\(b.count))"
        case .binary(let b): return "binary(\(b.count))"
        case .ping(let b): return "ping(\(b.count))"
        case .pong(let b): return "pong(\(b.count))"
        case .close(let code, let b): return "close(\(code.map(String.init) ?? "nil"), \(b.count))"
        case .failure(let code): return "failure(\(code))"
        }
    }
}

/// A deterministic generator (SplitMix64) so random tests are reproducible.
struct ReaderRandom: RandomNumberGenerator {
    /// The generator state.
    var state: UInt64
    /// A generator that always yields the same sequence for `seed`.
    init(seed: UInt64) { state = seed }
    /// The next 64 random bits.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Plays the caller's side of the ``MessageReader`` contract: keeps unconsumed bytes, appends each new chunk, and
/// hands the reader a freshly allocated (so moved) buffer on every feed.
struct ReaderFeeder {
    /// The reader under test.
    var reader: MessageReader
    /// Bytes the reader has not consumed yet, passed again on the next feed.
    var pending: [UInt8] = []
    /// Every event so far, copied.
    var events: [ReaderEvent] = []
    /// Set once the reader returned a failure; a real caller stops reading then.
    var failed = false
    /// How many events pointed into the caller's buffer rather than the reader's.
    var zeroCopyEvents = 0

    /// A feeder around a fresh reader.
    init(role: WebSocketRole, maxMessageSize: Int = 1 << 24) {
        reader = MessageReader(role: role, maxMessageSize: maxMessageSize)
    }

    /// Appends `chunk` and reads events until the reader needs more data or fails.
    mutating func feed(_ chunk: ArraySlice<UInt8>) {
        guard !failed else { return }
        pending.append(contentsOf: chunk)
        // One spare byte in front so the reader sees odd addresses too.
        let storage = UnsafeMutableRawBufferPointer.allocate(byteCount: pending.count + 1, alignment: 8)
        defer { storage.deallocate() }
        let input = UnsafeMutableRawBufferPointer(rebasing: storage[1...])
        input.copyBytes(from: pending)
        var offset = 0
        while true {
            let before = offset
            let event = reader.next(input, offset: &offset)
            #expect(offset >= before && offset <= input.count)
            if let recorded = record(event, input: input) {
                events.append(recorded)
                if case .failure = recorded {
                    failed = true
                    break
                }
            } else {
                break
            }
        }
        // The reader may only modify bytes it consumed.
        #expect(Array(input[offset...]) == Array(pending[offset...]))
        pending = Array(input[offset...])
    }

    /// Appends `bytes` and reads events.
    mutating func feed(_ bytes: [UInt8]) { feed(bytes[...]) }

    /// Copies an event out; nil for `.needMoreData`.
    mutating func record(_ event: WebSocketEvent, input: UnsafeMutableRawBufferPointer) -> ReaderEvent? {
        func copy(_ b: UnsafeRawBufferPointer) -> [UInt8] {
            if let p = b.baseAddress, let s = input.baseAddress, p >= UnsafeRawPointer(s),
                p + b.count <= UnsafeRawPointer(s) + input.count
            {
                zeroCopyEvents += 1
            }
            return Array(b)
        }
        switch event {
        case .needMoreData: return nil
        case .text(let b): return .text(copy(b))
        case .binary(let b): return .binary(copy(b))
        case .ping(let b): return .ping(copy(b))
        case .pong(let b): return .pong(copy(b))
        case .close(let code, let reason): return .close(code, copy(reason))
        case .failure(let code, _): return .failure(code.rawValue)
        }
    }
}

/// Ways of cutting one byte stream into reads.
enum ReaderSplit {
    /// One read with everything.
    case whole
    /// One read per byte.
    case byteByByte
    /// Reads of a fixed size.
    case chunks(Int)
    /// Seeded random read sizes, often tiny (1-3 bytes) so headers split too.
    case random(seed: UInt64)

    /// Chunk boundaries for `count` bytes.
    func pieces(_ count: Int) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        var rng = ReaderRandom(seed: { if case .random(let s) = self { return s } else { return 0 } }())
        while start < count {
            let size: Int
            switch self {
            case .whole: size = count
            case .byteByByte: size = 1
            case .chunks(let n): size = n
            case .random:
                size = rng.next() % 4 == 0 ? Int.random(in: 1...3, using: &rng) : Int.random(in: 1...200, using: &rng)
            }
            let end = min(count, start + size)
            ranges.append(start..<end)
            start = end
        }
        return ranges
    }
}

/// Feeds `bytes` to a fresh reader cut as `split`; returns the feeder for inspection.
func feedReader(
    _ bytes: [UInt8], role: WebSocketRole, split: ReaderSplit = .whole, maxMessageSize: Int = 1 << 24
) -> ReaderFeeder {
    var feeder = ReaderFeeder(role: role, maxMessageSize: maxMessageSize)
    if bytes.isEmpty { feeder.feed([]) }
    for range in split.pieces(bytes.count) { feeder.feed(bytes[range]) }
    return feeder
}

/// The events of `bytes` cut as `split`.
func readerEvents(_ bytes: [UInt8], role: WebSocketRole, split: ReaderSplit = .whole, maxMessageSize: Int = 1 << 24)
    -> [ReaderEvent]
{
    feedReader(bytes, role: role, split: split, maxMessageSize: maxMessageSize).events
}

/// A frame as the peer of `role` sends it: masked (with a key derived from `seed`) when it goes to a server.
func peerFrame(
    to role: WebSocketRole, _ opcode: Opcode, _ payload: [UInt8], fin: Bool = true, rsv: UInt8 = 0, seed: UInt32 = 0
) -> [UInt8] {
    let key: UInt32? = role == .server ? 0x37FA_213D &+ seed &* 0x0101_0101 : nil
    return FrameEncoder.frame(opcode: opcode, payload: payload, fin: fin, rsv: rsv, maskKey: key)
}

/// A raw header as the peer of `role` sends it (masked to a server), with any 7-bit length and extended length bytes.
func rawHeader(
    to role: WebSocketRole, byte0: UInt8, length7: UInt8, extended: [UInt8] = []
) -> [UInt8] {
    let masked = role == .server
    return [byte0, (masked ? 0x80 : 0) | length7] + extended + (masked ? [0x11, 0x22, 0x33, 0x44] : [])
}

/// `count` deterministic pseudo-random bytes.
func seededBytes(_ count: Int, seed: UInt64) -> [UInt8] {
    var rng = ReaderRandom(seed: seed)
    return (0..<count).map { _ in UInt8.random(in: 0...255, using: &rng) }
}

/// Both roles, for parameterized tests.
let bothRoles: [WebSocketRole] = [.server, .client]
