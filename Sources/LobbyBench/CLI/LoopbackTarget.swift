import Glibc

/// The server to load: a `ws://` URL whose host is in 127.0.0.0/8 (anything else is refused: this tool only ever
/// sends to the loopback network). The path may hold `{i}` (connection index) and `{room}` placeholders.
struct LoopbackTarget {
    /// Dotted-quad address in 127.0.0.0/8.
    let host: String
    /// TCP port.
    let port: Int
    /// Path and query, with placeholders.
    let pathTemplate: String

    /// The `Host` header value.
    var hostHeader: String { "\(host):\(port)" }

    /// Parses `ws://HOST[:PORT][/PATH]`; `localhost` means 127.0.0.1.
    init(url: String) throws(BenchError) {
        guard url.hasPrefix("ws://") else {
            throw BenchError("--url must start with ws:// (TLS is not supported): \(url)")
        }
        let rest = url.dropFirst(5)
        let slash = rest.firstIndex(of: "/") ?? rest.endIndex
        let authority = rest[..<slash]
        pathTemplate = slash == rest.endIndex ? "/" : String(rest[slash...])
        var hostPart = authority
        var port = 80
        if let colon = authority.lastIndex(of: ":") {
            hostPart = authority[..<colon]
            guard let parsed = Int(authority[authority.index(after: colon)...]), (1...65535).contains(parsed) else {
                throw BenchError("bad port in --url \(url)")
            }
            port = parsed
        }
        let name = hostPart == "localhost" ? "127.0.0.1" : String(hostPart)
        try Self.requireLoopback(name, what: "destination")
        host = name
        self.port = port
    }

    /// Throws unless `address` is an IPv4 address in 127.0.0.0/8.
    static func requireLoopback(_ address: String, what: String) throws(BenchError) {
        var parsed = in_addr()
        guard inet_pton(AF_INET, address, &parsed) == 1 else {
            throw BenchError("\(what) \(address) is not an IPv4 address (only 127.0.0.0/8 is allowed)")
        }
        guard UInt32(bigEndian: parsed.s_addr) >> 24 == 127 else {
            throw BenchError("refusing \(what) \(address): only 127.0.0.0/8 is allowed")
        }
    }

    /// The request path for connection `index` in `room`.
    func path(connection index: Int, room: String) -> String {
        pathTemplate.replacingPlaceholder("{i}", with: String(index)).replacingPlaceholder("{room}", with: room)
    }
}
