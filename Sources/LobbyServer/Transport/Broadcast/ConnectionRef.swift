/// A connection named from another thread: which loop owns it and its token there. Holding one keeps nothing
/// alive; sending to a closed connection is a no-op.
struct ConnectionRef: Hashable, Sendable, CustomStringConvertible {
    /// Index of the owning loop in the loop group.
    let loop: Int
    /// The connection's epoll token on that loop (slot and generation).
    let token: UInt64

    var description: String { "c-\(loop)-\(token & 0xFFFF_FFFF)-\(token >> 32)" }
}

extension Connection {
    /// This connection as seen from other threads.
    var ref: ConnectionRef { ConnectionRef(loop: loop.index, token: token) }
}
