import CLinux
import Glibc

/// Reads another process's CPU time and resident memory from /proc (the server under test, `--server-pid`).
struct ServerProbe {
    /// The process watched.
    let pid: Int32

    /// A probe for `pid`, or nil if no such process exists.
    init?(pid: Int32) {
        guard pid > 0, kill(pid, 0) == 0 else { return nil }
        self.pid = pid
    }

    /// VmRSS in KiB, or -1 if unreadable.
    func rssKB() -> Int { Int(lobby_rss_kb(pid)) }

    /// utime + stime in clock ticks, or -1.
    func cpuTicks() -> Int64 { Int64(lobby_cpu_ticks(pid)) }

    /// Ticks per second of ``cpuTicks()``.
    static let ticksPerSecond = Double(lobby_clock_ticks_per_second())
}

/// This process's own CPU time (user + system), from getrusage.
enum ClientCPU {
    /// CPU seconds used so far.
    static func seconds() -> Double {
        var usage = rusage()
        guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return 0 }
        let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
        let system = Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
        return user + system
    }
}
