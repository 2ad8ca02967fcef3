import CLinux
import Glibc

/// Options every subcommand takes: the target, the server to watch, connection limits, output style.
struct CommonOptions {
    /// Options with a value shared by all subcommands.
    static let valueOptions: Set<String> = [
        "url", "server-pid", "src-ips", "max-pending", "connect-timeout", "close-timeout",
    ]
    /// Flags shared by all subcommands.
    static let flagOptions: Set<String> = ["quiet", "progress", "help"]

    /// The server's WebSocket URL.
    var target: LoopbackTarget
    /// The server process to sample (CPU, VmRSS).
    var server: ServerProbe?
    /// Source addresses for the connections.
    var sourceIPs: [String]
    /// Connections in connect/handshake at once.
    var maxPending: Int
    /// Connect + handshake limit per connection, ms.
    var connectTimeoutMs: Int
    /// Wait for the server's close replies at the end, ms.
    var closeTimeoutMs: Int
    /// Only the JSON line.
    var quiet: Bool
    /// One line per second.
    var progress: Bool

    /// Reads the shared options.
    init(_ arguments: Arguments, defaultURL: String? = nil) throws(BenchError) {
        guard let url = arguments.string("url") ?? defaultURL else { throw BenchError("--url is required") }
        target = try LoopbackTarget(url: url)
        if arguments.has("server-pid") {
            let pid = try arguments.int("server-pid", default: 0, in: 1...Int(Int32.max))
            guard let probe = ServerProbe(pid: Int32(pid)) else {
                throw BenchError("--server-pid \(pid): no such process")
            }
            server = probe
        }
        sourceIPs = (arguments.string("src-ips") ?? "").split(separator: ",").map(String.init)
        for address in sourceIPs { try LoopbackTarget.requireLoopback(address, what: "--src-ips address") }
        maxPending = try arguments.int("max-pending", default: 256, in: 1...100_000)
        connectTimeoutMs = try arguments.int("connect-timeout", default: 10_000, in: 100...600_000)
        closeTimeoutMs = try arguments.int("close-timeout", default: 2_000, in: 0...60_000)
        quiet = arguments.has("quiet")
        progress = arguments.has("progress")
    }

    /// Engine options for `connections` connections in `rooms` rooms.
    func engineOptions(connections: Int, rooms: Int = 1, ramp: Double = 0) -> EngineOptions {
        var options = EngineOptions(target: target, connections: connections)
        options.rooms = rooms
        options.ramp = ramp
        options.maxPending = maxPending
        options.sourceIPs = sourceIPs
        options.connectTimeoutMs = connectTimeoutMs
        options.progress = progress
        return options
    }

    /// Raises RLIMIT_NOFILE to its hard limit and warns when `connections` cannot all fit.
    func raiseFileLimit(for connections: Int) {
        let limit = Int(lobby_raise_nofile())
        if limit > 0 && limit < connections + 32 && !quiet {
            Console.error(
                "lobby-bench: warning: RLIMIT_NOFILE is \(limit); at most ~\(limit - 32) connections can open")
        }
    }

    /// Ends the process with SIGALRM's default action if the run overruns `seconds` (a last resort: every phase
    /// has its own deadline).
    static func armWatchdog(seconds: Double) {
        _ = signal(SIGALRM, SIG_DFL)
        _ = alarm(UInt32(Swift.min(seconds + 30, Double(UInt32.max / 2))))
    }

    /// Adds the `server` JSON object (when `--server-pid` was given).
    func addServer(
        to json: inout JSONObject, before: Int?, afterConnect: Int?, end: Int?, cpu: Double?,
        endKey: String = "rss_kb_end"
    ) {
        guard let server else { return }
        var object = JSONObject()
        object.add("pid", Int(server.pid))
        object.add("cpu_pct", cpu)
        object.add("rss_kb_before", before)
        object.add("rss_kb_after_connect", afterConnect)
        object.add(endKey, end)
        json.add("server", object)
    }
}
