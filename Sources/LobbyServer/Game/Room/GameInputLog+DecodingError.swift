extension GameInputLog {
    /// Why stored bytes are not a ``GameInputLog``; offsets count from the start of the bytes.
    enum DecodingError: Error, Equatable, Sendable {
        /// No bytes at all (not even the version).
        case empty
        /// The first byte is not a version this code reads.
        case unsupportedVersion(UInt8)
        /// The bytes end inside an entry that starts before `at`.
        case truncated(at: Int)
        /// The tick delta at `at` is longer than 64 bits or not minimally encoded.
        case badVarint(at: Int)
        /// The kind byte at `at` is above 7.
        case unknownKind(UInt8, at: Int)
        /// The entry at `at` repeats a side within a tick, or puts right before left.
        case outOfOrder(at: Int)
        /// The tick deltas up to the entry at `at` add up past `UInt64.max`.
        case tickOverflow(at: Int)
    }
}
