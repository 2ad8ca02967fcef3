import CLinux
import Synchronization

/// The only door into a loop from other threads: a multi-producer queue of closures plus an `eventfd` that wakes
/// the loop's `epoll_wait` (uWS `Loop::defer`, NIO's wake-up selector). The lock is held only to append or to
/// swap the array out, never across I/O or while a task runs.
final class Inbox: @unchecked Sendable {
    /// A unit of work run on the owning loop's thread.
    typealias Task = @Sendable () -> Void

    /// The eventfd registered in the loop's epoll set.
    let wakeFD: Int32
    private let queue = Mutex<[Task]>([])
    /// True while a wake-up is pending, so a burst of posts costs one `write(2)` to the eventfd.
    private let wakePending = Atomic<Bool>(false)

    /// Creates the eventfd; fails only when the process is out of file descriptors.
    init() throws {
        let fd = lobby_eventfd()
        guard fd >= 0 else { throw SyscallError("eventfd", errno: lobby_errno()) }
        wakeFD = fd
    }

    deinit { _ = lobby_close(wakeFD) }

    /// Posts `task` from any thread and wakes the loop if it is not already being woken.
    func post(_ task: @escaping Task) {
        queue.withLock { $0.append(task) }
        if !wakePending.exchange(true, ordering: .acquiringAndReleasing) {
            _ = lobby_eventfd_signal(wakeFD)
        }
    }

    /// Loop thread only: clears the wake-up and returns every task posted so far, in order.
    func drain() -> [Task] {
        _ = lobby_eventfd_drain(wakeFD)
        wakePending.store(false, ordering: .releasing)
        return queue.withLock { tasks in
            let taken = tasks
            tasks.removeAll(keepingCapacity: true)
            return taken
        }
    }
}
