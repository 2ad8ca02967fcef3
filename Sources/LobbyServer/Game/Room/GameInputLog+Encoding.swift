/// The stored form of a ``GameInputLog`` (the `inputs` BLOB of the `games` table):
///
/// ```
/// log   = version entry*          version = 0x01
/// entry = delta kind [target]     delta   = tick - previous entry's tick (the first: tick), unsigned LEB128
/// kind  = input << 1 | side       input   = 0 stop, 1 up, 2 down, 3 target; side = 0 left, 1 right
/// target = 8 bytes: the Double's IEEE 754 bits, little-endian (only when input = 3)
/// ```
///
/// A direction change costs two bytes, a target ten. Decoding accepts exactly what ``encoded()`` produces
/// (minimal varints, entries in order), so decoding and re-encoding gives back the same bytes.
extension GameInputLog {
    /// The format version written first.
    static let formatVersion: UInt8 = 1

    /// The log's bytes in the format above.
    func encoded() -> [UInt8] { bytes }

    /// Appends one entry, `delta` ticks after the previous one.
    static func appendEntry(_ delta: UInt64, side: PongSide, input: PaddleInput, to bytes: inout [UInt8]) {
        appendVarint(delta, to: &bytes)
        let sideBit: UInt8 = side == .left ? 0 : 1
        switch input {
        case .stop: bytes.append(0 << 1 | sideBit)
        case .up: bytes.append(1 << 1 | sideBit)
        case .down: bytes.append(2 << 1 | sideBit)
        case .target(let y):
            bytes.append(3 << 1 | sideBit)
            var bits = y.bitPattern
            for _ in 0..<8 {
                bytes.append(UInt8(truncatingIfNeeded: bits))
                bits >>= 8
            }
        }
    }

    /// The log stored in `bytes`.
    /// - Throws: ``DecodingError`` for anything ``encoded()`` cannot have produced (never traps, whatever
    ///   the bytes).
    init(decoding bytes: [UInt8]) throws(DecodingError) {
        let entries = try Self.decodeEntries(bytes)
        self.init()
        for entry in entries { append(tick: entry.tick, side: entry.side, input: entry.input) }
    }

    /// The entries of a stored log, checked: version, minimal varints, kinds, order, no overflow.
    static func decodeEntries(_ bytes: [UInt8]) throws(DecodingError) -> [Entry] {
        guard let version = bytes.first else { throw .empty }
        guard version == Self.formatVersion else { throw .unsupportedVersion(version) }
        var entries: [Entry] = []
        var offset = 1
        var tick: UInt64 = 0
        var last: (tick: UInt64, side: PongSide)?
        while offset < bytes.count {
            let start = offset
            let delta = try Self.readVarint(bytes, at: &offset)
            let (sum, overflow) = tick.addingReportingOverflow(delta)
            guard !overflow else { throw .tickOverflow(at: start) }
            tick = sum
            let decoded = try Self.readInput(bytes, at: &offset, tick: tick)
            guard Self.isInOrder(tick: decoded.tick, side: decoded.side, after: last) else { throw .outOfOrder(at: start) }
            last = (decoded.tick, decoded.side)
            entries.append(decoded)
        }
        return entries
    }

    /// Reads a kind byte (and a target's 8 bytes) at `offset` as the entry of `tick`.
    private static func readInput(_ bytes: [UInt8], at offset: inout Int, tick: UInt64) throws(DecodingError)
        -> Entry
    {
        guard offset < bytes.count else { throw .truncated(at: offset) }
        let kind = bytes[offset]
        guard kind <= 7 else { throw .unknownKind(kind, at: offset) }
        offset += 1
        let side: PongSide = kind & 1 == 0 ? .left : .right
        let input: PaddleInput
        switch kind >> 1 {
        case 0: input = .stop
        case 1: input = .up
        case 2: input = .down
        default:
            guard bytes.count - offset >= 8 else { throw .truncated(at: offset) }
            var bits: UInt64 = 0
            for index in (0..<8).reversed() { bits = bits << 8 | UInt64(bytes[offset + index]) }
            offset += 8
            input = .target(Double(bitPattern: bits))
        }
        return Entry(tick: tick, side: side, input: input)
    }

    /// Appends `value` as an unsigned LEB128 varint: 7 bits per byte, low bits first, high bit = more follow.
    private static func appendVarint(_ value: UInt64, to bytes: inout [UInt8]) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    /// Reads a minimal unsigned LEB128 varint of at most 64 bits at `offset`.
    private static func readVarint(_ bytes: [UInt8], at offset: inout Int) throws(DecodingError) -> UInt64 {
        let start = offset
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < bytes.count else { throw .truncated(at: offset) }
            let byte = bytes[offset]
            offset += 1
            // The tenth byte holds bit 63 only; anything more does not fit in 64 bits.
            guard shift < 63 || byte <= 1 else { throw .badVarint(at: start) }
            value |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 {
                // A zero last byte after the first one is a longer spelling of a shorter varint.
                guard byte != 0 || offset - start == 1 else { throw .badVarint(at: start) }
                return value
            }
            shift += 7
        }
    }
}
