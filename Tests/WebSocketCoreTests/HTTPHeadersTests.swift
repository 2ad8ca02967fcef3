import Testing

@testable import WebSocketCore

@Suite struct HTTPHeadersTests {
    let headers = HTTPHeaders([
        ("Host", "example.com"), ("Connection", "keep-alive, Upgrade"), ("X-Multi", "a"), ("x-multi", "b"),
        ("Upgrade", "h2c"), ("upgrade", " WebSocket "), ("Empty", ""),
    ])

    @Test func lookupIsCaseInsensitiveAndReturnsTheFirst() {
        #expect(headers["HOST"] == "example.com")
        #expect(headers["x-MULTI"] == "a")
        #expect(headers["Missing"] == nil)
        #expect(headers["Empty"] == "")
    }

    @Test func valuesKeepOrder() {
        #expect(headers.values("X-Multi") == ["a", "b"])
        #expect(headers.values("nope") == [])
    }

    @Test func containsTokenSearchesListsAcrossRepeatedFields() {
        #expect(headers.containsToken("connection", "upgrade"))
        #expect(headers.containsToken("Connection", "KEEP-ALIVE"))
        #expect(!headers.containsToken("Connection", "keep"))
        #expect(!headers.containsToken("Connection", "alive, Upgrade"))
        #expect(headers.containsToken("Upgrade", "websocket"))
        #expect(!headers.containsToken("Empty", ""))
        #expect(!headers.containsToken("Missing", "x"))
        #expect(HTTPHeaders([("A", ",,x ,")]).containsToken("a", "x"))
    }

    @Test func iterationPreservesNamesAsReceived() {
        #expect(headers.map(\.name) == ["Host", "Connection", "X-Multi", "x-multi", "Upgrade", "upgrade", "Empty"])
        var copy = headers
        copy.add(name: "New", value: "1")
        #expect(copy.count == headers.count + 1)
        #expect(copy["new"] == "1")
    }

    @Test func caseFoldingIsASCIIOnly() {
        #expect(HTTPSyntax.equalsIgnoringCase("Content-Type", "content-type"))
        #expect(!HTTPSyntax.equalsIgnoringCase("Straße", "STRASSE"))
        #expect(!HTTPSyntax.equalsIgnoringCase("a", "ab"))
        // '@' (0x40) and '`' (0x60) differ only by the case bit but are not letters.
        #expect(!HTTPSyntax.equalsIgnoringCase("@", "`"))
    }
}
