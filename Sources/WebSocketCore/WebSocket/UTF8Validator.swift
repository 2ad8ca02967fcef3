/// An incremental UTF-8 validator (RFC 3629, as required for text messages and close reasons by RFC 6455 8.1).
///
/// Rejects overlong forms, UTF-16 surrogates (U+D800-U+DFFF), code points above U+10FFFF and the bytes C0, C1,
/// F5-FF; accepts noncharacters such as U+FFFE, which are valid UTF-8.
///
/// Runs of ASCII are skipped eight bytes at a time; everything else goes through a shift-based DFA
/// (``UTF8Validator/transitions``): one table load and one shift per byte. The state is one byte, so the validator
/// can carry a text message across fragments and across partial frames.
public struct UTF8Validator: Sendable {
    /// The DFA state: a multiple of 6 below 64, see ``UTF8Validator/State``.
    @usableFromInline var state: UInt8

    /// A validator at the start of a string.
    @inlinable public init() { state = 0 }

    /// Feeds bytes; false as soon as the bytes so far cannot be a prefix of valid UTF-8. Once false, stays false
    /// until ``reset()``.
    public mutating func feed(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let base = bytes.baseAddress else { return state != State.reject }
        state = UTF8Validator.run(base, count: bytes.count, from: state)
        return state != State.reject
    }

    /// True when the bytes fed so far end on a code point boundary (a complete valid string).
    @inlinable public var isComplete: Bool { state == 0 }

    /// Starts over at the beginning of a new string.
    @inlinable public mutating func reset() { state = 0 }

    /// One-shot check of a whole buffer.
    public static func isValid(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        return run(base, count: bytes.count, from: State.accept) == State.accept
    }

    /// Runs the DFA over `count` bytes from `state`; returns the new state (`State.reject` stops the run early).
    static func run(_ base: UnsafeRawPointer, count: Int, from state: UInt8) -> UInt8 {
        var s = UInt64(state)
        var i = 0
        return transitions.withUnsafeBufferPointer { table in
            while i < count {
                if s == UInt64(State.accept) {
                    // ASCII fast path: only valid between code points. Eight bytes at a time while no high bit is set.
                    while i &+ 8 <= count,
                        base.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
                    {
                        i &+= 8
                    }
                    if i == count { break }
                } else if s == UInt64(State.reject) {
                    return State.reject
                }
                let byte = base.load(fromByteOffset: i, as: UInt8.self)
                s = (table[Int(byte)] &>> s) & 63
                i &+= 1
            }
            return UInt8(truncatingIfNeeded: s)
        }
    }
}
