import Foundation
import Testing

@testable import Persistence

@Suite struct ThreadConfinementTests {
    /// Runs `body` on a new thread and waits for it.
    static func onAnotherThread(_ body: @escaping @Sendable () -> Void) {
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            body()
            done.signal()
        }
        thread.start()
        done.wait()
    }

    @Test func adoptingHandsTheConnectionToAnotherThread() throws {
        nonisolated(unsafe) let db = try SQLiteConnection(path: ":memory:")
        try db.execute("CREATE TABLE t (x)")
        nonisolated(unsafe) var rows: [[SQLiteValue]] = []
        Self.onAnotherThread {
            db.adoptCurrentThread()
            _ = try? db.run("INSERT INTO t VALUES (1)")
            rows = (try? db.query("SELECT x FROM t")) ?? []
        }
        #expect(rows == [[.integer(1)]])
        db.adoptCurrentThread()
        #expect(try db.query("SELECT count(*) FROM t") == [[.integer(1)]])
    }

    #if DEBUG
        @Test func useFromAnotherThreadStopsTheProcess() async {
            await #expect(processExitsWith: .failure) {
                nonisolated(unsafe) let db = try! SQLiteConnection(path: ":memory:")
                ThreadConfinementTests.onAnotherThread {
                    _ = try? db.execute("SELECT 1")
                }
            }
        }
    #endif
}
