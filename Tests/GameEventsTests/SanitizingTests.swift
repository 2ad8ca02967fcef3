import Testing

@testable import GameEvents

/// Message text cleaning and the 1...2000 scalar limit, measured after cleaning.
@Suite struct SanitizingTests {
    static let bob = UserID(validating: "u-bob")!

    @Test(arguments: [
        ("hello", "hello"),
        ("  hi  ", "hi"),
        ("\n\thi\t\n", "hi"),
        ("a\u{0}b", "ab"),
        ("a\r\nb", "a\nb"),
        ("line1\nline2\tend", "line1\nline2\tend"),
        ("\u{1} hi", "hi"),
        ("hi \u{7F}", "hi"),
        ("x\u{85}y", "xy"),
        ("x\u{9F}y\u{A0}", "xy"),
        ("\u{A0}\u{3000}wide\u{2003}", "wide"),
        ("👨‍👩‍👧 ok", "👨‍👩‍👧 ok"),
        ("\u{202E}abc", "\u{202E}abc"),
        ("é\u{301}", "é\u{301}"),
        ("", ""),
        (" \u{1B}[31m ", "[31m"),
    ])
    func sanitizes(_ input: String, _ expected: String) {
        #expect(SendMessage.sanitize(input) == expected)
    }

    @Test func limitIsCountedInScalarsAfterSanitizing() throws {
        let max = String(repeating: "a", count: 2000)
        #expect(try SendMessage(to: Self.bob, text: max).text == max)
        #expect(try SendMessage(to: Self.bob, text: "  \(max)\u{0}\u{0}  ").text == max)
        let emoji = String(repeating: "😀", count: 2000)
        #expect(try SendMessage(to: Self.bob, text: emoji).text.unicodeScalars.count == 2000)
        // 1000 clusters of two scalars each is 2000 scalars: allowed; one more scalar is not.
        let accented = String(repeating: "e\u{301}", count: 1000)
        #expect(try SendMessage(to: Self.bob, text: accented).text == accented)
        #expect(throws: EventDecodingError(code: .payloadTooLarge,
                                           message: "payload.text: must be at most 2000 characters (Unicode scalars)",
                                           field: "payload.text")) {
            try SendMessage(to: Self.bob, text: accented + "x")
        }
        #expect(throws: EventDecodingError.self) { try SendMessage(to: Self.bob, text: max + "a") }
    }

    @Test func emptyAfterSanitizingIsInvalid() {
        for text in ["", " ", "\u{0}", "\n\n", "\u{7}\u{3000}"] {
            #expect(throws: EventDecodingError.self) { try SendMessage(to: Self.bob, text: text) }
            do {
                _ = try SendMessage(to: Self.bob, text: text)
            } catch {
                #expect(error.code == .invalidPayload)
                #expect(error.field == "payload.text")
            }
        }
    }

    @Test func decodedTextIsTheSanitizedText() throws {
        let message = try EventCodec.decodeClient(bytes(#"{"type":"chat:send_message","payload":{"to":"u-bob","text":"\t gg \u0000wp\r\n"}}"#)).get()
        guard case .sendMessage(let send) = message.event else {
            Issue.record("\(message.event)")
            return
        }
        #expect(send.text == "gg wp")
    }
}
