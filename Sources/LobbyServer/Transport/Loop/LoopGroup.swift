import Foundation

/// The event loops of the process, one thread each. Immutable once started, so any thread may look a loop up
/// (to `execute` on it).
final class LoopGroup: @unchecked Sendable {
    /// The loops, in index order. Set once by `start`, before any loop thread runs.
    private(set) var loops: [EventLoop] = []
    private var finished: [DispatchSemaphore] = []

    /// Creates `count` loops, each with its own SO_REUSEPORT listener on host:port; returns the bound port.
    func start(count: Int, server: ServerContext) throws -> Int {
        var port = server.config.port
        for index in 0..<count {
            let loop = try EventLoop(index: index, server: server)
            let listener = try Listener(host: server.config.host, port: port)
            port = listener.port
            try loop.attach(listener)
            loops.append(loop)
        }
        for loop in loops {
            let done = DispatchSemaphore(value: 0)
            finished.append(done)
            let thread = Thread {
                loop.run()
                done.signal()
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
        return port
    }

    /// Asks every loop to shut down gracefully (from any thread).
    func beginShutdown() {
        for loop in loops { loop.execute { loop.beginShutdown() } }
    }

    /// Waits until every loop has finished, or `timeoutMs` passed; true if all finished.
    func wait(timeoutMs: Int) -> Bool {
        let deadline = DispatchTime.now() + .milliseconds(timeoutMs)
        for done in finished where done.wait(timeout: deadline) == .timedOut { return false }
        return true
    }
}
