import Testing

@testable import WebSocketCore

@Suite struct HTTPQueryTests {
    func head(_ target: String) -> HTTPRequestHead {
        HTTPRequestHead(method: "GET", target: target, headers: HTTPHeaders([("Host", "h")]))
    }

    @Test func splitsPathAndQuery() {
        let plain = head("/ws")
        #expect(plain.path == "/ws" && plain.query == nil)
        let empty = head("/ws?")
        #expect(empty.path == "/ws" && empty.query == "")
        let two = head("/a%20b?x=1?y=2")
        #expect(two.path == "/a%20b" && two.query == "x=1?y=2")
    }

    @Test func decodesPercentEscapesAndPlus() {
        let request = head("/ws?token=a%2Bb%3D%3D&name=J%C3%BCrgen+M&flag&x=1&x=2&enc%6Fded=yes")
        #expect(request.queryItem("token") == "a+b==")
        #expect(request.queryItem("name") == "Jürgen M")
        #expect(request.queryItem("flag") == "")
        #expect(request.queryItem("x") == "1")
        #expect(request.queryItem("encoded") == "yes")
        #expect(request.queryItem("missing") == nil)
        #expect(head("/ws").queryItem("token") == nil)
    }

    @Test func malformedEscapesStayLiteral() {
        let request = head("/?a=%&b=%4&c=%zz&d=100%25&e=%e2%82%ac")
        #expect(request.queryItem("a") == "%")
        #expect(request.queryItem("b") == "%4")
        #expect(request.queryItem("c") == "%zz")
        #expect(request.queryItem("d") == "100%")
        #expect(request.queryItem("e") == "€")
    }

    @Test func invalidUTF8IsRepaired() {
        #expect(head("/?v=%FF").queryItem("v") == "\u{FFFD}")
    }

    @Test func emptyItemsAreSkipped() {
        let request = head("/?&&k=v&")
        #expect(request.queryItem("k") == "v")
        #expect(request.queryItem("") == nil)
    }
}
