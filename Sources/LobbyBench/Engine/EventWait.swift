import CLinux
import Glibc

/// Waits on the epoll instance until a deadline with sub-millisecond precision. `epoll_wait` only takes whole
/// milliseconds, which would make fixed-rate sends up to 1 ms late (or spin); for waits under 2 ms we block in
/// `select` on the epoll fd itself (readable when events are ready) with a microsecond timeout instead.
enum EventWait {
    /// Returns the number of events copied into `events` (0 on timeout).
    static func wait(epfd: Int32, events: UnsafeMutablePointer<lobby_epoll_event>, max: Int32, until deadline: UInt64)
        -> Int32
    {
        let now = lobby_monotonic_ns()
        let waitNs = deadline > now ? deadline - now : 0
        if waitNs == 0 { return check(lobby_epoll_wait(epfd, events, max, 0)) }
        if waitNs >= 2_000_000 || epfd >= 1024 {
            // Whole milliseconds, rounded down: we may wake < 1 ms early, and the next turn waits the rest precisely.
            return check(lobby_epoll_wait(epfd, events, max, Int32(clamping: waitNs / 1_000_000)))
        }
        let ready = lobby_epoll_wait(epfd, events, max, 0)
        if ready != 0 { return check(ready) }
        var readSet = fd_set()
        withUnsafeMutableBytes(of: &readSet) { bits in bits[Int(epfd) >> 3] |= UInt8(1) << UInt8(epfd & 7) }
        let micros = (waitNs + 999) / 1000
        var timeout = timeval(tv_sec: 0, tv_usec: Int(micros))
        _ = select(epfd + 1, &readSet, nil, nil, &timeout)
        return check(lobby_epoll_wait(epfd, events, max, 0))
    }

    /// A failed wait (other than EINTR, retried inside the wrapper) is fatal: the loop cannot go on.
    private static func check(_ ready: Int32) -> Int32 {
        if ready < 0 { fatalError("lobby-bench: epoll_wait failed: errno \(lobby_errno())") }
        return ready
    }
}
