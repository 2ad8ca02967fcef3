/// The UTF-8 automaton behind ``UTF8Validator``.
///
/// Nine states, each stored as a bit offset (a multiple of 6) into a 64-bit table row. Row `b` packs, for every
/// state `s`, the state reached from `s` on byte `b` into bits `s ..< s + 6`, so one step is
/// `state = (transitions[byte] >> state) & 63`. The rows are built once from the readable rules below
/// (Unicode 15, table 3-7 "Well-Formed UTF-8 Byte Sequences").
extension UTF8Validator {
    /// DFA states, as bit offsets into a table row.
    enum State {
        /// Between code points: everything so far is a complete valid string. Also the initial state.
        static let accept: UInt8 = 0
        /// Not valid UTF-8; absorbing.
        static let reject: UInt8 = 6
        /// One continuation byte (80-BF) still expected.
        static let need1: UInt8 = 12
        /// Two continuation bytes (80-BF) still expected.
        static let need2: UInt8 = 18
        /// After E0: the next byte must be A0-BF (no overlong 3-byte forms).
        static let afterE0: UInt8 = 24
        /// After ED: the next byte must be 80-9F (no surrogates).
        static let afterED: UInt8 = 30
        /// Three continuation bytes (80-BF) still expected (after F1-F3).
        static let need3: UInt8 = 36
        /// After F0: the next byte must be 90-BF (no overlong 4-byte forms).
        static let afterF0: UInt8 = 42
        /// After F4: the next byte must be 80-8F (nothing above U+10FFFF).
        static let afterF4: UInt8 = 48

        /// Every state, for building the table.
        static let all: [UInt8] = [accept, reject, need1, need2, afterE0, afterED, need3, afterF0, afterF4]
    }

    /// 256 rows, one per byte value; see the type's documentation.
    static let transitions: [UInt64] = (0..<256).map { byte in
        State.all.reduce(UInt64(0)) { row, state in
            row | UInt64(step(from: state, on: UInt8(byte))) << UInt64(state)
        }
    }

    /// The transition function, written out as the rules of Unicode table 3-7.
    static func step(from state: UInt8, on byte: UInt8) -> UInt8 {
        switch state {
        case State.accept:
            switch byte {
            case 0x00...0x7F: return State.accept
            case 0xC2...0xDF: return State.need1
            case 0xE0: return State.afterE0
            case 0xE1...0xEC, 0xEE...0xEF: return State.need2
            case 0xED: return State.afterED
            case 0xF0: return State.afterF0
            case 0xF1...0xF3: return State.need3
            case 0xF4: return State.afterF4
            default: return State.reject  // 80-BF (stray continuation), C0-C1 (overlong), F5-FF
            }
        case State.need1: return (0x80...0xBF).contains(byte) ? State.accept : State.reject
        case State.need2: return (0x80...0xBF).contains(byte) ? State.need1 : State.reject
        case State.need3: return (0x80...0xBF).contains(byte) ? State.need2 : State.reject
        case State.afterE0: return (0xA0...0xBF).contains(byte) ? State.need1 : State.reject
        case State.afterED: return (0x80...0x9F).contains(byte) ? State.need1 : State.reject
        case State.afterF0: return (0x90...0xBF).contains(byte) ? State.need2 : State.reject
        case State.afterF4: return (0x80...0x8F).contains(byte) ? State.need2 : State.reject
        default: return State.reject
        }
    }
}
