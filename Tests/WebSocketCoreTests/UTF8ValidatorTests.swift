import Testing

@testable import WebSocketCore

/// UTF-8 validation: Markus Kuhn's stress cases as used by Autobahn 6.x, every scalar, incremental feeding.
@Suite struct UTF8ValidatorTests {
    /// (valid, bytes) pairs from the Kuhn UTF-8 decoder stress test, in the shape Autobahn 6.5-6.23 sends them.
    static let kuhnCases: [(Bool, [UInt8])] = {
        var cases: [(Bool, [UInt8])] = [
            // 1 some correct UTF-8 text
            (true, Array("hello$world".utf8)),
            (true, [0x68, 0x65, 0x6C, 0x6C, 0x6F, 0xC2, 0xA2, 0x77, 0x6F, 0x72, 0x6C, 0x64]),
            (true, [0x68, 0x65, 0x6C, 0x6C, 0x6F, 0xE2, 0x82, 0xAC, 0x77, 0x6F, 0x72, 0x6C, 0x64]),
            (true, [0x68, 0x65, 0x6C, 0x6C, 0x6F, 0xF0, 0xA4, 0xAD, 0xA2, 0x77, 0x6F, 0x72, 0x6C, 0x64]),
            (true, kosme),
            // 2.1 first possible sequence of each length; 5/6-byte forms are not UTF-8
            (true, [0x00]), (true, [0xC2, 0x80]), (true, [0xE0, 0xA0, 0x80]), (true, [0xF0, 0x90, 0x80, 0x80]),
            (false, [0xF8, 0x88, 0x80, 0x80, 0x80]), (false, [0xFC, 0x84, 0x80, 0x80, 0x80, 0x80]),
            // 2.2 last possible sequence of each length
            (true, [0x7F]), (true, [0xDF, 0xBF]), (true, [0xEF, 0xBF, 0xBF]), (true, [0xF4, 0x8F, 0xBF, 0xBF]),
            (false, [0xF7, 0xBF, 0xBF, 0xBF]), (false, [0xFB, 0xBF, 0xBF, 0xBF, 0xBF]),
            (false, [0xFD, 0xBF, 0xBF, 0xBF, 0xBF, 0xBF]),
            // 2.3 other boundary conditions
            (true, [0xED, 0x9F, 0xBF]), (true, [0xEE, 0x80, 0x80]), (true, [0xEF, 0xBF, 0xBD]),
            (true, [0xF4, 0x8F, 0xBF, 0xBF]), (false, [0xF4, 0x90, 0x80, 0x80]),
            // 3.1 unexpected continuation bytes
            (false, [0x80]), (false, [0xBF]), (false, [0x80, 0xBF]), (false, [0x80, 0xBF, 0x80]),
            (false, [0x80, 0xBF, 0x80, 0xBF]), (false, [0x80, 0xBF, 0x80, 0xBF, 0x80]),
            (false, [0x80, 0xBF, 0x80, 0xBF, 0x80, 0xBF]), (false, Array(0x80...0xBE)),
            // 3.5 impossible bytes
            (false, [0xFE]), (false, [0xFF]), (false, [0xFE, 0xFE, 0xFF, 0xFF]),
            // 4.1 overlong ASCII "/"
            (false, [0xC0, 0xAF]), (false, [0xE0, 0x80, 0xAF]), (false, [0xF0, 0x80, 0x80, 0xAF]),
            (false, [0xF8, 0x80, 0x80, 0x80, 0xAF]), (false, [0xFC, 0x80, 0x80, 0x80, 0x80, 0xAF]),
            // 4.2 maximum overlongs
            (false, [0xC1, 0xBF]), (false, [0xE0, 0x9F, 0xBF]), (false, [0xF0, 0x8F, 0xBF, 0xBF]),
            (false, [0xF8, 0x87, 0xBF, 0xBF, 0xBF]), (false, [0xFC, 0x83, 0xBF, 0xBF, 0xBF, 0xBF]),
            // 4.3 overlong NUL
            (false, [0xC0, 0x80]), (false, [0xE0, 0x80, 0x80]), (false, [0xF0, 0x80, 0x80, 0x80]),
            (false, [0xF8, 0x80, 0x80, 0x80, 0x80]), (false, [0xFC, 0x80, 0x80, 0x80, 0x80, 0x80]),
            // 5.1 single surrogates
            (false, [0xED, 0xA0, 0x80]), (false, [0xED, 0xAD, 0xBF]), (false, [0xED, 0xAE, 0x80]),
            (false, [0xED, 0xAF, 0xBF]), (false, [0xED, 0xB0, 0x80]), (false, [0xED, 0xBE, 0x80]),
            (false, [0xED, 0xBF, 0xBF]),
            // 5.2 paired surrogates
            (false, [0xED, 0xA0, 0x80, 0xED, 0xB0, 0x80]), (false, [0xED, 0xA0, 0x80, 0xED, 0xBF, 0xBF]),
            (false, [0xED, 0xAD, 0xBF, 0xED, 0xB0, 0x80]), (false, [0xED, 0xAD, 0xBF, 0xED, 0xBF, 0xBF]),
            (false, [0xED, 0xAE, 0x80, 0xED, 0xB0, 0x80]), (false, [0xED, 0xAE, 0x80, 0xED, 0xBF, 0xBF]),
            (false, [0xED, 0xAF, 0xBF, 0xED, 0xB0, 0x80]), (false, [0xED, 0xAF, 0xBF, 0xED, 0xBF, 0xBF]),
            // 5.3 noncharacters and specials are valid UTF-8
            (true, [0xEF, 0xBF, 0xBE]), (true, [0xEF, 0xBF, 0xBF]), (true, [0xEF, 0xBF, 0xB9]),
            (true, [0xEF, 0xBF, 0xBA]), (true, [0xEF, 0xBF, 0xBB]), (true, [0xEF, 0xBF, 0xBC]),
            (true, [0xF0, 0x9F, 0xBF, 0xBE]), (true, [0xF3, 0xBF, 0xBF, 0xBF]), (true, [0xF4, 0x8F, 0xBF, 0xBE]),
        ]
        // 3.2 lonely start characters, each followed by a space
        for (low, high) in [(0xC0, 0xDF), (0xE0, 0xEF), (0xF0, 0xF7), (0xF8, 0xFB), (0xFC, 0xFD)] {
            cases.append((false, (low..<high).flatMap { [UInt8($0), 0x20] }))
        }
        // 3.3 last continuation byte missing, and 3.4 all of them concatenated
        let truncated: [[UInt8]] = [
            [0xC0], [0xE0, 0x80], [0xF0, 0x80, 0x80], [0xF8, 0x80, 0x80, 0x80], [0xFC, 0x80, 0x80, 0x80, 0x80],
            [0xDF], [0xEF, 0xBF], [0xF7, 0xBF, 0xBF], [0xFB, 0xBF, 0xBF, 0xBF], [0xFD, 0xBF, 0xBF, 0xBF, 0xBF],
        ]
        cases += truncated.map { (false, $0) }
        cases.append((false, truncated.flatMap { $0 }))
        // All prefixes of "κόσμε": valid only when they end between code points.
        for end in 1...kosme.count {
            cases.append(([2, 5, 7, 9, 11].contains(end), Array(kosme[..<end])))
        }
        return cases
    }()

    /// "κόσμε" (Autobahn's multi-byte sample).
    static let kosme: [UInt8] = [0xCE, 0xBA, 0xE1, 0xBD, 0xB9, 0xCF, 0x83, 0xCE, 0xBC, 0xCE, 0xB5]

    func validate(_ bytes: [UInt8]) -> Bool { bytes.withUnsafeBytes { UTF8Validator.isValid($0) } }

    /// Feeds one byte at a time; returns (index of the first rejected byte or nil, complete at the end).
    func validateBytewise(_ bytes: [UInt8]) -> (rejectedAt: Int?, complete: Bool) {
        var validator = UTF8Validator()
        for (i, byte) in bytes.enumerated() {
            let ok = withUnsafeBytes(of: byte) { validator.feed($0) }
            if !ok { return (i, false) }
        }
        return (nil, validator.isComplete)
    }

    @Test func kuhnStressCases() {
        for (valid, bytes) in Self.kuhnCases {
            #expect(validate(bytes) == valid, "\(bytes.map { String($0, radix: 16) })")
            let bytewise = validateBytewise(bytes)
            #expect((bytewise.rejectedAt == nil && bytewise.complete) == valid)
            // Surrounded by ASCII (so the fast path runs before and after), the verdict is the same.
            let padded = Array("0123456789abcdef".utf8) + bytes + Array("0123456789abcdef".utf8)
            #expect(validate(padded) == valid)
        }
    }

    @Test func everyScalarIsValidAndEverySurrogateIsNot() {
        var all: [UInt8] = []
        for value in UInt32(0)...0x10FFFF {
            if let scalar = Unicode.Scalar(value) {
                let encoded = Array(String(Character(scalar)).utf8)
                #expect(validate(encoded))
                all += encoded
            } else {
                // U+D800-U+DFFF encoded the way CESU/WTF-8 would.
                let surrogate: [UInt8] = [
                    0xE0 | UInt8(value >> 12), 0x80 | UInt8((value >> 6) & 0x3F), 0x80 | UInt8(value & 0x3F),
                ]
                #expect(!validate(surrogate))
            }
        }
        #expect(validate(all))
    }

    @Test func everyTwoByteSequenceMatchesTheStandardLibrary() {
        for a in 0...255 {
            for b in 0...255 {
                let bytes = [UInt8(a), UInt8(b)]
                #expect(validate(bytes) == (String(validating: bytes, as: UTF8.self) != nil))
            }
        }
    }

    @Test func randomInputsMatchTheStandardLibrary() {
        var rng = ReaderRandom(seed: 2024)
        let pieces: [[UInt8]] = [
            Array("a".utf8), Array("é".utf8), Array("€".utf8), Array("😀".utf8), [0x80], [0xC0], [0xED, 0xA0],
            [0xF4, 0x90], [0xFF], [0xE0], [0xF0, 0x90], Array("abcdefghij".utf8),
        ]
        for _ in 0..<5000 {
            let bytes = (0..<Int.random(in: 0...12, using: &rng)).flatMap { _ in pieces.randomElement(using: &rng)! }
            let expected = String(validating: bytes, as: UTF8.self) != nil
            #expect(validate(bytes) == expected)
            let bytewise = validateBytewise(bytes)
            #expect((bytewise.rejectedAt == nil && bytewise.complete) == expected)
        }
    }

    @Test func rejectsAtTheFirstImpossibleByte() {
        // Autobahn 6.4.x: "κόσμε" then F4 90 80 80 — invalid exactly at the 0x90 (index 12).
        let bytes = Self.kosme + [0xF4, 0x90, 0x80, 0x80] + Array("edited".utf8)
        #expect(validateBytewise(bytes).rejectedAt == 12)
        // ED A0 80 (a surrogate) fails on A0.
        #expect(validateBytewise(Array("edited".utf8) + [0xED, 0xA0, 0x80]).rejectedAt == 7)
        // A prefix that can still become valid is not rejected, just incomplete.
        #expect(validateBytewise(Array("edited".utf8) + [0xED]) == (nil, false))
    }

    @Test func rejectionIsStickyAndResetClearsIt() {
        var validator = UTF8Validator()
        #expect(!([UInt8]([0xFF])).withUnsafeBytes { validator.feed($0) })
        #expect(!Array("abc".utf8).withUnsafeBytes { validator.feed($0) })
        #expect(!validator.isComplete)
        validator.reset()
        #expect(Array("abc".utf8).withUnsafeBytes { validator.feed($0) })
        #expect(validator.isComplete)
        #expect(UTF8Validator.isValid(UnsafeRawBufferPointer(start: nil, count: 0)))
    }

    @Test func longAsciiWithOneBadByteAnywhere() {
        let clean = [UInt8](repeating: 0x41, count: 67)
        #expect(validate(clean))
        for position in 0..<clean.count {
            var bytes = clean
            bytes[position] = 0x80
            #expect(!validate(bytes))
            #expect(validateBytewise(bytes).rejectedAt == position)
        }
    }
}
