import CLinux
import Foundation

/// A thread that owns domain state (users and presence now; lobbies and game rooms later) and never touches a
/// socket. Other threads hand it work through its inbox (`execute`); it runs one-shot timers (presence debounce,
/// countdowns) and, after each batch of work, `afterBatch` lets its owner flush what the batch produced once
/// (STYLE habit 5: drain, step, flush deferred once).
final class Shard: @unchecked Sendable {
    let name: String
    private let inbox: Inbox
    private let epfd: Int32
    private var timers: [(deadline: UInt64, id: UInt64, task: () -> Void)] = []
    private var nextTimerID: UInt64 = 1
    private var cancelled: Set<UInt64> = []
    private var stopping = false
    private let finished = DispatchSemaphore(value: 0)
    /// Called on the shard's thread after every batch of inbox tasks and timers.
    var afterBatch: () -> Void = {}

    init(name: String) throws {
        self.name = name
        inbox = try Inbox()
        let fd = lobby_epoll_create()
        guard fd >= 0 else { throw SyscallError("epoll_create1", errno: lobby_errno()) }
        epfd = fd
        guard lobby_epoll_add(epfd, inbox.wakeFD, LOBBY_EPOLLIN, 1) == 0 else {
            throw SyscallError("epoll_ctl(eventfd)", errno: lobby_errno())
        }
    }

    deinit { _ = lobby_close(epfd) }

    /// Starts the thread.
    func start() {
        let thread = Thread { [self] in run() }
        thread.stackSize = 1 << 20
        thread.start()
    }

    /// Runs `task` on the shard's thread (from any thread).
    func execute(_ task: @escaping @Sendable () -> Void) { inbox.post(task) }

    /// Shard thread only: runs `task` after `ms` milliseconds; returns an id for `cancel`.
    @discardableResult
    func schedule(afterMs ms: Int, _ task: @escaping () -> Void) -> UInt64 {
        let id = nextTimerID
        nextTimerID += 1
        let deadline = MonotonicClock.now() + MonotonicClock.ns(ms: ms)
        let index = timers.firstIndex { $0.deadline > deadline } ?? timers.count
        timers.insert((deadline, id, task), at: index)
        return id
    }

    /// Shard thread only: cancels a scheduled task (no effect if it already ran).
    func cancel(_ id: UInt64) {
        if timers.contains(where: { $0.id == id }) { cancelled.insert(id) }
    }

    /// Asks the thread to finish after the work already queued, then waits up to `timeoutMs`.
    func stop(timeoutMs: Int) -> Bool {
        execute { [self] in stopping = true }
        return finished.wait(timeout: .now() + .milliseconds(timeoutMs)) == .success
    }

    private func run() {
        lobby_set_thread_name(String(name.prefix(15)))
        var event = lobby_epoll_event()
        while !stopping {
            _ = lobby_epoll_wait(epfd, &event, 1, waitTimeoutMs())
            for task in inbox.drain() { task() }
            let now = MonotonicClock.now()
            while let first = timers.first, first.deadline <= now {
                timers.removeFirst()
                if cancelled.remove(first.id) == nil { first.task() }
            }
            afterBatch()
        }
        finished.signal()
    }

    private func waitTimeoutMs() -> Int32 {
        guard let first = timers.first else { return 1000 }
        let now = MonotonicClock.now()
        if first.deadline <= now { return 0 }
        return Int32(min((first.deadline - now) / 1_000_000 + 1, 1000))
    }
}
