import CLinux

/// A non-blocking listening socket. Each loop has its own on the same port (SO_REUSEPORT), so the kernel
/// spreads new connections across loops and no accept lock is shared.
final class Listener: @unchecked Sendable {
    /// The listening fd; -1 once closed.
    private(set) var fd: Int32
    /// The bound port (useful when 0 was asked for).
    let port: Int

    /// Binds and listens on host:port.
    init(host: String, port: Int, backlog: Int = 4096) throws {
        let fd = lobby_listen_tcp(host, Int32(port), Int32(backlog), 1)
        guard fd >= 0 else { throw SyscallError("listen \(host):\(port)", errno: lobby_errno()) }
        self.fd = fd
        self.port = Int(lobby_local_port(fd))
    }

    /// Stops listening (pending, unaccepted connections are reset by the kernel).
    func close() {
        guard fd >= 0 else { return }
        _ = lobby_close(fd)
        fd = -1
    }

    deinit { close() }
}
