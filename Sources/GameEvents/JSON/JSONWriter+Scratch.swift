/// Writing a member in one append: its bytes (comma, quoted name, colon, value) are put together in stack scratch
/// space first, so `,"tick":1234` costs one capacity check and one copy instead of one per piece. The event
/// broadcast path (`game:state` for every room, every tick) is made of such members.
extension JSONWriter {
    /// The scratch space of one write: enough for a separator, a member name of up to ``maxScratchName`` bytes
    /// with its quotes and colon, and the longest number or short string written this way.
    static let scratchSize = 192
    /// The longest member name written through scratch space; longer literals take the piecewise path.
    static let maxScratchName = 48
    /// The longest string value (in UTF-8 bytes) written through scratch space together with its name.
    static let maxScratchString = 96

    /// Appends what `body` puts into a fresh scratch buffer of ``scratchSize`` bytes, in one copy.
    @inline(__always) mutating func appendScratch(_ body: (inout ScratchCursor) -> Void) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Self.scratchSize) { buffer in
            var cursor = ScratchCursor(base: buffer.baseAddress!)
            body(&cursor)
            bytes.append(contentsOf: UnsafeBufferPointer(start: buffer.baseAddress, count: cursor.count))
        }
    }

    /// Whether `name` is short enough to go through scratch space with a value.
    @inline(__always) static func fitsScratch(_ name: StaticString) -> Bool {
        name.utf8CodeUnitCount <= maxScratchName
    }
}
