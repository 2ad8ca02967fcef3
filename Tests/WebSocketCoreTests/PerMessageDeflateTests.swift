import Testing

@testable import WebSocketCore

/// permessage-deflate negotiation (RFC 7692 5, 7): real browser and library offers, several offers, every reason
/// to decline, and the `Sec-WebSocket-Extensions` grammar (RFC 6455 9.1).
@Suite struct PerMessageDeflateTests {
    /// What we answer to every acceptable offer without `server_max_window_bits`.
    static let plainResponse = "permessage-deflate; server_no_context_takeover; client_no_context_takeover"

    @Test(arguments: [
        // Chrome, Edge and Python websockets (client_max_window_bits without a value: "I can limit my window").
        "permessage-deflate; client_max_window_bits",
        // Firefox and Safari.
        "permessage-deflate",
        // Older Safari lists a pre-standard extension first; Node ws adds its own hint.
        "x-webkit-deflate-frame, permessage-deflate",
        "permessage-deflate; client_max_window_bits=15; client_no_context_takeover",
        // Parameters asking for what we do anyway.
        "permessage-deflate; server_no_context_takeover; client_no_context_takeover",
        // Case and whitespace are not significant; empty list elements are skipped (RFC 9110 5.6.1).
        "Permessage-Deflate ;\tClient_Max_Window_Bits", " , permessage-deflate ,, ",
    ])
    func commonOffersAreAcceptedWithoutContextTakeover(offer: String) throws {
        let result = try #require(PerMessageDeflate.negotiate(offerHeader: offer))
        #expect(result.responseHeader == Self.plainResponse)
        #expect(result.parameters == PerMessageDeflate.Parameters(serverMaxWindowBits: 15))
        #expect(result.parameters.serverNoContextTakeover && result.parameters.clientNoContextTakeover)
    }

    @Test(arguments: [nil, "", " ", "x-webkit-deflate-frame", "deflate-frame; max_window_bits=10", "permessage-bzip2"])
    func noPermessageDeflateOfferMeansNoExtension(offer: String?) {
        #expect(PerMessageDeflate.negotiate(offerHeader: offer) == nil)
    }

    @Test(arguments: [9, 10, 12, 14, 15])
    func serverMaxWindowBitsIsHonouredAndEchoed(bits: Int) throws {
        let result = try #require(
            PerMessageDeflate.negotiate(offerHeader: "permessage-deflate; server_max_window_bits=\(bits)"))
        #expect(result.responseHeader == Self.plainResponse + "; server_max_window_bits=\(bits)")
        #expect(result.parameters.serverMaxWindowBits == bits)
    }

    @Test func quotedValuesAreUnquoted() throws {
        // RFC 6455 9.1: a quoted-string value must be a token once unescaped.
        let result = try #require(
            PerMessageDeflate.negotiate(offerHeader: #"permessage-deflate; server_max_window_bits="1\2""#))
        #expect(result.parameters.serverMaxWindowBits == 12)
        #expect(PerMessageDeflate.negotiate(offerHeader: #"permessage-deflate; client_max_window_bits="10""#) != nil)
    }

    /// RFC 7692 7: each of these single offers must be declined.
    @Test(arguments: [
        "permessage-deflate; server_max_window_bits=8",  // zlib cannot make a raw 8-bit window; nothing smaller
        "permessage-deflate; server_max_window_bits",  // the value is required
        "permessage-deflate; server_max_window_bits=7", "permessage-deflate; server_max_window_bits=16",
        "permessage-deflate; server_max_window_bits=010", "permessage-deflate; server_max_window_bits=09",
        "permessage-deflate; server_max_window_bits=1a", "permessage-deflate; server_max_window_bits=-9",
        "permessage-deflate; server_max_window_bits=+9",
        "permessage-deflate; client_max_window_bits=16", "permessage-deflate; client_max_window_bits=0",
        "permessage-deflate; client_max_window_bits=08",
        "permessage-deflate; server_no_context_takeover=1",  // flags take no value
        #"permessage-deflate; client_no_context_takeover="true""#,
        "permessage-deflate; server_no_context_takeover; server_no_context_takeover",  // repeated
        "permessage-deflate; client_max_window_bits; client_max_window_bits=10",
        "permessage-deflate; Server_Max_Window_Bits=10; server_max_window_bits=10",
        "permessage-deflate; mux",  // not defined for use in an offer
        "permessage-deflate; max_window_bits=10",
    ])
    func invalidOffersAreDeclined(offer: String) {
        #expect(PerMessageDeflate.negotiate(offerHeader: offer) == nil)
    }

    /// Headers that break the grammar decline everything, even a good offer elsewhere in the list.
    @Test(arguments: [
        "permessage-deflate;", "permessage-deflate; =10", "permessage-deflate; server_max_window_bits=",
        #"permessage-deflate; server_max_window_bits="12"#, #"permessage-deflate; server_max_window_bits="""#,
        #"permessage-deflate; server_max_window_bits="1 2""#, "permessage-deflate server_no_context_takeover",
        "permessage-deflate; client_max_window_bits, ; x", "permessage-deflate; a=b=c", "permessage-deflate, \"x\"",
        "permessage-deflate; client_max_window_bits, permessage-deflate; @",
    ])
    func malformedHeadersAreDeclined(offer: String) {
        #expect(PerMessageDeflate.negotiate(offerHeader: offer) == nil)
    }

    /// RFC 7692 5: offers are in the client's order of preference; the first acceptable one wins.
    @Test func theFirstAcceptableOfferWins() throws {
        // Autobahn 13.7: window 8 (declined), then no-context-takeover, then a plain offer.
        let autobahn = "permessage-deflate; server_no_context_takeover; server_max_window_bits=8, "
            + "permessage-deflate; server_no_context_takeover, permessage-deflate"
        #expect(PerMessageDeflate.negotiate(offerHeader: autobahn)?.responseHeader == Self.plainResponse)
        let windows = "permessage-deflate; unknown, permessage-deflate; server_max_window_bits=11, "
            + "permessage-deflate; server_max_window_bits=13"
        let result = try #require(PerMessageDeflate.negotiate(offerHeader: windows))
        #expect(result.parameters.serverMaxWindowBits == 11)
        #expect(result.responseHeader.hasSuffix("; server_max_window_bits=11"))
    }

    /// Several header fields are joined with ", " by the caller, as one list (RFC 9110 5.3).
    @Test func joinedHeaderFieldsFormOneList() {
        #expect(PerMessageDeflate.negotiate(offerHeader: "foo; a=1, permessage-deflate") != nil)
    }

    @Test func extensionHeaderParsesElementsAndParameters() throws {
        let parsed = try #require(ExtensionHeader.parse(#"foo ; a ; b = 1 ; c="x\y" , bar,permessage-deflate;z"#))
        #expect(parsed.map(\.name) == ["foo", "bar", "permessage-deflate"])
        #expect(
            parsed[0].parameters == [
                ExtensionHeader.Parameter(name: "a", value: nil), ExtensionHeader.Parameter(name: "b", value: "1"),
                ExtensionHeader.Parameter(name: "c", value: "xy"),
            ])
        #expect(parsed[1].parameters.isEmpty)
        #expect(parsed[2].parameters == [ExtensionHeader.Parameter(name: "z", value: nil)])
        #expect(ExtensionHeader.parse("") == [])
        #expect(ExtensionHeader.parse(#"a; b="x\"y""#) == nil)  // unescapes to a non-token
    }
}
