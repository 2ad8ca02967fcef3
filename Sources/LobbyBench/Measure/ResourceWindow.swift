import CLinux

/// CPU and memory figures over one measurement window: this process, the server (with `--server-pid`) and the host.
struct ResourceFigures {
    /// Our own CPU use over the window, in percent of one CPU.
    var clientCPUPercent: Double
    /// The server's CPU use over the window, in percent of one CPU (nil without a probe).
    var serverCPUPercent: Double?
    /// The server's VmRSS at the end of the window, in KiB (nil without a probe).
    var serverRSSKB: Int?
    /// Busy share of each host CPU.
    var hostBusyPercent: [Double]
    /// Steal share of host CPU time.
    var hostStealPercent: Double
    /// Window length in seconds.
    var seconds: Double
}

/// Samples taken at the start of a window; ``finish()`` turns them into ``ResourceFigures``.
struct ResourceWindow {
    private let startNs: UInt64
    private let clientCPU: Double
    private let serverTicks: Int64
    private let host: HostCPUSnapshot
    private let server: ServerProbe?

    /// Samples now.
    init(server: ServerProbe?) {
        self.server = server
        host = HostCPUSnapshot.read()
        serverTicks = server?.cpuTicks() ?? -1
        clientCPU = ClientCPU.seconds()
        startNs = lobby_monotonic_ns()
    }

    /// Samples again and computes the figures since ``init(server:)``.
    func finish() -> ResourceFigures {
        let endNs = lobby_monotonic_ns()
        let cpu = ClientCPU.seconds()
        let hostNow = HostCPUSnapshot.read()
        let seconds = Double(endNs &- startNs) / 1e9
        var serverCPU: Double?
        var serverRSS: Int?
        if let server {
            let ticks = server.cpuTicks()
            if ticks >= 0, serverTicks >= 0, seconds > 0 {
                serverCPU = 100 * Double(ticks - serverTicks) / ServerProbe.ticksPerSecond / seconds
            }
            serverRSS = server.rssKB()
        }
        return ResourceFigures(
            clientCPUPercent: seconds > 0 ? 100 * (cpu - clientCPU) / seconds : 0, serverCPUPercent: serverCPU,
            serverRSSKB: serverRSS, hostBusyPercent: hostNow.busyPercent(since: host),
            hostStealPercent: hostNow.stealPercent(since: host), seconds: seconds)
    }
}
