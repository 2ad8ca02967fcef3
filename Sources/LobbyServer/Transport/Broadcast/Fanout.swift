/// Delivers one encoded frame to many connections spread over several loops: the frame is built once by the
/// publisher, each loop gets the same `SharedFrame` through its inbox, and each loop queues it on its own local
/// subscribers. Nothing is copied per recipient and no loop touches another loop's connections.
final class Fanout: @unchecked Sendable {
    /// All loops; set once at start-up before any loop runs, then read-only.
    private(set) var loops: [EventLoop] = []

    /// Sets the loops (once, before they run).
    func setLoops(_ loops: [EventLoop]) { self.loops = loops }

    /// Runs `deliver` on every loop except `origin`, passing the same frame.
    func toOtherLoops(from origin: EventLoop, frame: SharedFrame,
                      _ deliver: @escaping @Sendable (EventLoop, SharedFrame) -> Void) {
        for loop in loops where loop !== origin {
            loop.execute { deliver(loop, frame) }
        }
    }
}
