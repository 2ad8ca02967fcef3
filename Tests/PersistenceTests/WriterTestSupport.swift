import Dispatch
import Foundation
import Synchronization

@testable import Persistence

/// Values appended from completions on the writer thread, read by the test thread.
final class Collected<T: Sendable>: Sendable {
    private let values = Mutex<[T]>([])

    /// Appends `value`.
    func append(_ value: T) {
        values.withLock { $0.append(value) }
    }

    /// Everything appended so far, in order.
    var all: [T] { values.withLock { $0 } }
}

/// Holds the writer thread inside a job until `open()`, so that the test can queue jobs behind it. With no flush
/// interval, those jobs join the holding job's batch: the writer drains the queue before it commits.
final class Gate: Sendable {
    private let entered = DispatchSemaphore(value: 0)
    private let opened = DispatchSemaphore(value: 0)

    /// Submits the holding job and returns once the writer thread is inside it.
    func hold(_ writer: PersistenceWriter) throws {
        try writer.submit(
            { [entered, opened] _ in
                entered.signal()
                opened.wait()
            }, completion: { _ in })
        entered.wait()
    }

    /// Lets the writer go on.
    func open() {
        opened.signal()
    }
}

extension DispatchGroup {
    /// Waits up to `seconds`; true when everything left in time.
    func wait(seconds: Double) -> Bool {
        wait(timeout: .now() + seconds) == .success
    }
}

extension Result {
    /// The failure, if any.
    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}

/// A job appending one message from `from` to `to`; returns the message id.
func appendJob(_ from: String, _ to: String, _ text: String) -> @Sendable (Stores) throws -> Int64 {
    { try $0.messages.append(sender: from, recipient: to, text: text, sentAt: 1, clientId: nil).id }
}

/// Submits named jobs in order; their results arrive in `results` and each leaves `group` once.
func submitNamed(
    _ jobs: [(String, @Sendable (Stores) throws -> Int64)], to writer: PersistenceWriter
) throws -> (results: Collected<(String, Result<Int64, any Error>)>, group: DispatchGroup) {
    let results = Collected<(String, Result<Int64, any Error>)>()
    let group = DispatchGroup()
    for (name, job) in jobs {
        group.enter()
        try writer.submit(job) { result in
            results.append((name, result))
            group.leave()
        }
    }
    return (results, group)
}
