import WebSocketCore

/// `lobby-bench selftest`: checks the measuring parts without a server: histogram percentiles, marker writing and
/// scanning, message templates (the chat message is ~140 bytes), masked frames as a server reads them, the
/// loopback-only rule, the lobby scenario's tokens and messages (`SelfTest+Lobby.swift`), and the game scenario's
/// state scanning, inputs and `/metrics` figures (`SelfTest+Game.swift`, `SelfTest+Metrics.swift`). Prints each
/// failure and `selftest ok` / `selftest FAILED`.
struct SelfTest {
    private var failures: [String] = []

    /// Runs every check; returns the exit status (0 when all pass).
    static func run() -> Int32 {
        var test = SelfTest()
        test.histogram()
        test.markers()
        test.templates()
        test.maskedFrame()
        test.loopbackRule()
        test.lobbyToken()
        test.lobbyMessages()
        test.game()
        test.metrics()
        for failure in test.failures { Console.error("selftest: FAIL \(failure)") }
        Console.output(test.failures.isEmpty ? "selftest ok" : "selftest FAILED (\(test.failures.count))")
        return test.failures.isEmpty ? 0 : 1
    }

    /// Records a failure described by `what` unless `condition` holds.
    mutating func check(_ condition: Bool, _ what: @autoclosure () -> String) {
        if !condition { failures.append(what()) }
    }

    private mutating func histogram() {
        let histogram = LatencyHistogram()
        for micros in 1...1000 { histogram.add(UInt64(micros) * 1000) }
        let p50 = histogram.quantile(0.5) / 1000
        let p99 = histogram.quantile(0.99) / 1000
        check(abs(p50 - 500) / 500 < 0.016, "histogram p50 of 1..1000 us is \(p50)")
        check(abs(p99 - 990) / 990 < 0.016, "histogram p99 of 1..1000 us is \(p99)")
        check(histogram.quantile(1) == 1_000_000, "histogram max is \(histogram.quantile(1))")
        histogram.reset()
        for ns in [5, 5, 7, 127] as [UInt64] { histogram.add(ns) }
        check(histogram.quantile(0.5) == 5 && histogram.quantile(0.75) == 7, "histogram is exact below 128 ns")
        check(LatencyHistogram.index(of: UInt64(1) << 60) == LatencyHistogram.index(of: UInt64.max), "histogram clamps")
    }

    private mutating func markers() {
        var bytes = [UInt8](repeating: UInt8(ascii: " "), count: 120)
        let length = bytes.withUnsafeMutableBytes { Marker.write($0.baseAddress! + 7, ns: 1_234_567_890_123, seq: 42) }
        check(length == Marker.length(ns: 1_234_567_890_123, seq: 42) && length == 17, "marker length \(length)")
        let noise = Array("T x T12 T_3 T9_".utf8)
        bytes.replaceSubrange(40..<(40 + noise.count), with: noise)
        var found: [(UInt64, UInt64)] = []
        bytes.withUnsafeBytes { Marker.scan($0) { found.append(($0, $1)) } }
        check(found.count == 1 && found.first! == (1_234_567_890_123, 42), "marker scan found \(found)")
    }

    private mutating func templates() {
        let chat = MessageTemplates.split(BroadcastScenario.chatTemplate, sender: 3, room: "3")
        let templates = MessageTemplates(parts: [chat, ([], [])], minimumSize: 0)
        let ns: UInt64 = 1_700_000_000_000
        let length = templates.payloadLength(0, ns: ns, seq: 12345)
        check((130...150).contains(length), "chat message is \(length) bytes, want ~140")
        var out = [UInt8](repeating: 0, count: length)
        out.withUnsafeMutableBytes {
            templates.write(0, to: $0.baseAddress!, payloadLength: length, ns: ns, seq: 12345)
        }
        let text = String(decoding: out, as: UTF8.self)
        check(text.hasPrefix(#"{"type":"chat","room":"3","from":3,"#), "chat message starts \(text.prefix(40))")
        check(text.hasSuffix(#""mark":"T1700000000000_12345"}"#), "chat message ends \(text.suffix(40))")
        let padded = MessageTemplates(parts: [MessageTemplates.split("{mark}", sender: 0, room: "0")], minimumSize: 32)
        check(padded.payloadLength(0, ns: 12345, seq: 6) == 32, "echo --size pads to 32")
    }

    private mutating func maskedFrame() {
        let key: UInt32 = 0x1234_5678
        let payload = Array("hello T5_6".utf8)
        var frame = FrameEncoder.frame(opcode: .text, payload: payload, maskKey: key)
        check(frame[1] & 0x80 != 0, "client frames are masked")
        var reader = MessageReader(role: .server, maxMessageSize: 1 << 20)
        var offset = 0
        let event = frame.withUnsafeMutableBytes { reader.next($0, offset: &offset) }
        if case .text(let bytes) = event {
            check(Array(bytes) == payload, "masked frame reads back")
        } else {
            check(false, "masked frame reads back as text, got \(event)")
        }
    }

    private mutating func loopbackRule() {
        check((try? LoopbackTarget(url: "ws://127.0.0.2:9/x")) != nil, "127.0.0.2 accepted")
        check((try? LoopbackTarget(url: "ws://localhost:9/")) != nil, "localhost accepted")
        for refused in [
            "ws://10.0.0.1:80/", "ws://192.168.1.2:9/", "ws://example.com/", "ws://[::1]:9/", "wss://127.0.0.1/",
        ] {
            check((try? LoopbackTarget(url: refused)) == nil, "\(refused) refused")
        }
        let target = try? LoopbackTarget(url: "ws://127.0.0.1:8080/room?room={room}&i={i}")
        check(target?.path(connection: 12, room: "2") == "/room?room=2&i=12", "path placeholders")
    }
}
