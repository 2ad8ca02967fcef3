import Glibc

/// Per-CPU busy and total ticks from /proc/stat, so a report can show whether the host was quiet during a window
/// (the other CPU's load, steal time on a VM).
struct HostCPUSnapshot {
    /// Busy ticks (all but idle and iowait) per CPU.
    var busy: [UInt64] = []
    /// All ticks per CPU.
    var total: [UInt64] = []
    /// Steal ticks over all CPUs.
    var steal: UInt64 = 0

    /// Reads /proc/stat now (empty if unreadable).
    static func read() -> HostCPUSnapshot {
        var snapshot = HostCPUSnapshot()
        for line in Self.procStat().split(separator: "\n") where line.hasPrefix("cpu") {
            let fields = line.split(separator: " ").dropFirst().compactMap { UInt64($0) }
            guard fields.count >= 8 else { continue }
            if line.hasPrefix("cpu ") {
                snapshot.steal = fields[7]
                continue
            }
            let total = fields[0..<8].reduce(0, +)
            snapshot.total.append(total)
            snapshot.busy.append(total - fields[3] - fields[4])
        }
        return snapshot
    }

    /// The text of /proc/stat ("" if unreadable).
    private static func procStat() -> String {
        let fd = open("/proc/stat", O_RDONLY)
        guard fd >= 0 else { return "" }
        defer { close(fd) }
        var bytes = [UInt8](repeating: 0, count: 65536)
        var length = 0
        while length < bytes.count {
            let got = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + length, $0.count - length) }
            if got <= 0 { break }
            length += got
        }
        return String(decoding: bytes[..<length], as: UTF8.self)
    }

    /// Busy share of each CPU between `earlier` and this snapshot, in percent.
    func busyPercent(since earlier: HostCPUSnapshot) -> [Double] {
        guard earlier.total.count == total.count else { return [] }
        return total.indices.map { cpu in
            let ticks = total[cpu] &- earlier.total[cpu]
            return ticks == 0 ? 0 : 100 * Double(busy[cpu] &- earlier.busy[cpu]) / Double(ticks)
        }
    }

    /// Steal share of all CPU time between `earlier` and this snapshot, in percent.
    func stealPercent(since earlier: HostCPUSnapshot) -> Double {
        guard earlier.total.count == total.count else { return 0 }
        let ticks = zip(total, earlier.total).reduce(UInt64(0)) { $0 + ($1.0 &- $1.1) }
        return ticks == 0 ? 0 : 100 * Double(steal &- earlier.steal) / Double(ticks)
    }
}
