import CLinux
import Glibc

/// Log severity, lowest first. Lines below the configured level are dropped before any formatting.
enum LogLevel: Int, Comparable, Sendable, CaseIterable {
    case trace, debug, info, notice, warning, error, critical

    /// The name used in `LOG_LEVEL` and in each line's `level=` field.
    var name: String {
        switch self {
        case .trace: "trace"
        case .debug: "debug"
        case .info: "info"
        case .notice: "notice"
        case .warning: "warning"
        case .error: "error"
        case .critical: "critical"
        }
    }

    /// Parses a level name (case-insensitive; `warn` is accepted for `warning`).
    init?(name: String) {
        let lower = name.lowercased()
        if lower == "warn" { self = .warning; return }
        guard let level = LogLevel.allCases.first(where: { $0.name == lower }) else { return nil }
        self = level
    }

    static func < (a: LogLevel, b: LogLevel) -> Bool { a.rawValue < b.rawValue }
}

/// Structured one-line logs in logfmt (`ts=... level=info msg="..." key=value`), written to stderr with one
/// `write(2)` per line so lines from different threads never interleave.
enum Log {
    /// The minimum level written. Set once at start-up, before any thread is started, then only read.
    nonisolated(unsafe) static var level: LogLevel = .info

    /// Whether a line at `level` would be written (guards expensive field construction).
    @inline(__always) static func enabled(_ level: LogLevel) -> Bool { level >= Log.level }

    static func trace(_ msg: String, _ fields: KeyValuePairs<String, Any> = [:]) { write(.trace, msg, fields) }
    static func debug(_ msg: String, _ fields: KeyValuePairs<String, Any> = [:]) { write(.debug, msg, fields) }
    static func info(_ msg: String, _ fields: KeyValuePairs<String, Any> = [:]) { write(.info, msg, fields) }
    static func notice(_ msg: String, _ fields: KeyValuePairs<String, Any> = [:]) { write(.notice, msg, fields) }
    static func warning(_ msg: String, _ fields: KeyValuePairs<String, Any> = [:]) { write(.warning, msg, fields) }
    static func error(_ msg: String, _ fields: KeyValuePairs<String, Any> = [:]) { write(.error, msg, fields) }
    static func critical(_ msg: String, _ fields: KeyValuePairs<String, Any> = [:]) { write(.critical, msg, fields) }

    /// Formats and writes one line if `level` is enabled.
    static func write(_ level: LogLevel, _ msg: String, _ fields: KeyValuePairs<String, Any>) {
        guard enabled(level) else { return }
        var line = "ts=\(timestamp()) level=\(level.name) msg=\(quoted(msg))"
        for (key, value) in fields {
            line += " \(key)=\(quoted(String(describing: value)))"
        }
        line += "\n"
        var bytes = Array(line.utf8)
        bytes.withUnsafeMutableBytes { _ = Glibc.write(2, $0.baseAddress, $0.count) }
    }

    /// logfmt quoting: bare when the value is a simple token, else in double quotes with `"` and `\` escaped and
    /// control characters written as `\n`, `\t` or dropped.
    static func quoted(_ value: String) -> String {
        let simple = !value.isEmpty && value.utf8.allSatisfy { $0 > 0x20 && $0 != 0x22 && $0 != 0x3D && $0 != 0x5C && $0 < 0x7F }
        if simple { return value }
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value >= 0x20 && scalar.value != 0x7F { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    /// RFC 3339 UTC time with milliseconds, e.g. `2026-11-21T19:24:00.123Z`.
    static func timestamp() -> String {
        let ms = lobby_realtime_ms()
        var seconds = time_t(ms / 1000)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func pad(_ v: Int32, _ width: Int) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1, 2))-\(pad(parts.tm_mday, 2))T"
            + "\(pad(parts.tm_hour, 2)):\(pad(parts.tm_min, 2)):\(pad(parts.tm_sec, 2)).\(pad(Int32(ms % 1000), 3))Z"
    }
}
