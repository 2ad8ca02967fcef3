import Foundation

/// Which thread may use a connection and its statements (GRDB's `SchedulingWatchdog`, NIO's
/// `preconditionInEventLoop`). Connections are opened with `SQLITE_OPEN_NOMUTEX`, so SQLite itself does not
/// serialize calls: using one from two threads is a bug this catches in debug builds.
final class ThreadOwner: @unchecked Sendable {
    /// The owning thread. Only changed by `adoptCurrentThread`, whose caller guarantees the hand-off.
    private var thread: pthread_t

    /// Records the calling thread as the owner.
    init() {
        thread = pthread_self()
    }

    /// Makes the calling thread the owner.
    func adoptCurrentThread() {
        thread = pthread_self()
    }

    /// Whether the calling thread is the owner.
    var isCurrent: Bool { pthread_equal(thread, pthread_self()) != 0 }

    /// Stops the process when called off the owning thread (debug builds only; release builds skip the check).
    @inline(__always)
    func check(file: StaticString = #fileID, line: UInt = #line) {
        #if DEBUG
            precondition(isCurrent, "SQLite connection used off its owning thread", file: file, line: line)
        #endif
    }
}
