import WebSocketCore

/// The lobby scenario's pieces: HS256 tokens, the chat message with its marker and envelope id, recognising server
/// messages, and tracing an error's `replyTo` back to its request.
extension SelfTest {
    /// HMAC-SHA256 against RFC 7515 appendix A.1, and the token's header and claims.
    mutating func lobbyToken() {
        let key = Base64.decode(
            "AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow", alphabet: .url)
        let input =
            "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6"
            + "Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ"
        let tag = BenchToken.base64URL(BenchToken.hmacSHA256(Array(input.utf8), key: key ?? []))
        check(tag == "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk", "HMAC-SHA256 of RFC 7515 A.1 is \(tag)")
        let token = BenchToken.make(user: "bench-3-1", secret: Array("k".utf8), issuedAt: 1_700_000_000)
        let parts = token.split(separator: ".").map(String.init)
        check(parts.count == 3, "token has 3 parts: \(token)")
        guard parts.count == 3 else { return }
        check(parts[0] == "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9", "token header \(parts[0])")
        let claims = Base64.decode(parts[1], alphabet: .url).map { String(decoding: $0, as: UTF8.self) }
        check(
            claims == #"{"sub":"bench-3-1","username":"bench-3-1","iat":1700000000,"exp":1700003600}"#,
            "token claims \(claims ?? "undecodable")")
        let signature = BenchToken.base64URL(BenchToken.hmacSHA256(Array((parts[0] + "." + parts[1]).utf8), key: [107]))
        check(parts[2] == signature && !parts[2].contains("="), "token signature \(parts[2])")
    }

    /// The chat message, server message kinds, and request purposes.
    mutating func lobbyMessages() {
        let template = LobbyRequests.chatTemplate(runTag: "b00c0ffee")
        let chat = MessageTemplates(parts: [MessageTemplates.split(template, sender: 0, room: "")], minimumSize: 0)
        let ns: UInt64 = 1_700_000_000_000
        let length = chat.payloadLength(0, ns: ns, seq: 77)
        var out = [UInt8](repeating: 0, count: length)
        out.withUnsafeMutableBytes { chat.write(0, to: $0.baseAddress!, payloadLength: length, ns: ns, seq: 77) }
        let text = String(decoding: out, as: UTF8.self)
        let want =
            #"{"type":"lobby:chat","payload":{"text":"gg, ready for the next round? T1700000000000_77"},"#
            + #""id":"b00c0ffee-77"}"#
        check(text == want, "lobby chat message is \(text)")
        let reply = Array(#"{"type":"lobby:chat","payload":{"text":"T5_6"},"replyTo":"b00c0ffee-77"}"#.utf8)
        var markers = 0
        reply.withUnsafeBytes { Marker.scan($0) { _, _ in markers += 1 } }
        check(markers == 1, "the sender's copy holds \(markers) markers, want 1 (the id is not one)")
        kinds()
        check(LobbyRequests.purpose(of: "c12") == .create(lobby: 12), "purpose of c12")
        check(LobbyRequests.purpose(of: "j7") == .join(connection: 7), "purpose of j7")
        check(LobbyRequests.purpose(of: "x7") == .leave(connection: 7), "purpose of x7")
        check(LobbyRequests.purpose(of: "h3.2") == .history(lobby: 3), "purpose of h3.2")
        check(LobbyRequests.purpose(of: "b00c0ffee-77") == .chat && LobbyRequests.purpose(of: nil) == .chat, "chat ids")
    }

    /// Server messages recognised from their first bytes, and in full when `type` is not first.
    private mutating func kinds() {
        let cases: [(String, ServerMessageKind?)] = [
            (#"{"type":"lobby:chat","payload":{}}"#, .lobbyChat),
            (#"{"type":"lobby:chat:history","payload":{}}"#, .lobbyHistory),
            (#"{"type":"lobby:chat:read","payload":{}}"#, .other),
            (#"{"type":"system.error","payload":{}}"#, .systemError),
            (#"{"payload":{},"type":"lobby:created"}"#, nil),
        ]
        for (text, kind) in cases {
            let bytes = Array(text.utf8)
            let sniffed = bytes.withUnsafeBytes { ServerMessageKind.sniff($0) }
            check(sniffed == kind, "\(text) sniffed as \(String(describing: sniffed))")
        }
        let late = Array(#"{"payload":{"lobby":{"id":"l-1"}},"replyTo":"c4","type":"lobby:created"}"#.utf8)
        let parsed = late.withUnsafeBytes { ParsedServerMessage($0) }
        check(
            parsed.map { ServerMessageKind(type: $0.type) == .lobbyCreated && $0.replyTo == "c4" } == true
                && parsed?.payload["lobby"]?["id"]?.stringValue == "l-1", "lobby:created parsed in full")
    }
}
