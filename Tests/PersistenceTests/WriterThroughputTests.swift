import Dispatch
import Foundation
import Testing

@testable import Persistence

/// Not a gate: prints how many single-message appends per second go through the writer, for the lead.
/// Meaningful in release (`swift test -c release --filter WriterThroughput`).
@Suite struct WriterThroughputTests {
    /// Submits `count` appends from one thread as fast as it can and waits for every completion.
    static func measure(_ writer: PersistenceWriter, count: Int) throws -> (perSecond: Double, batches: Int) {
        try writer.submitAndWait { try $0.addUsers("u-alice", "u-bob") }
        let before = writer.statistics.batches
        let group = DispatchGroup()
        let started = ContinuousClock.now
        for i in 0..<count {
            group.enter()
            try writer.submit(
                { stores in
                    try stores.messages.append(
                        sender: "u-alice", recipient: "u-bob", text: "message number \(i)", sentAt: Int64(i),
                        clientId: "c\(i)")
                }, completion: { _ in group.leave() })
        }
        group.wait()
        let seconds =
            Double((ContinuousClock.now - started).components.attoseconds) / 1e18
            + Double((ContinuousClock.now - started).components.seconds)
        return (Double(count) / seconds, writer.statistics.batches - before)
    }

    @Test func printAppendThroughput() throws {
        let count = 50_000
        var lines: [String] = []
        for (name, synchronous) in [("sqlite FULL", SQLiteStorage.Synchronous.full), ("sqlite NORMAL", .normal)] {
            try TemporaryDirectory.with { directory throws in
                let writer = try PersistenceWriter.open(
                    path: directory.appendingPathComponent("bench.sqlite").path,
                    migrationsDirectory: StoreBackend.migrations, synchronous: synchronous)
                defer { writer.close() }
                let (rate, batches) = try Self.measure(writer, count: count)
                lines.append("\(name): \(Int(rate)) appends/s (\(count) in \(batches) transactions)")
            }
        }
        let memory = PersistenceWriter.inMemory()
        defer { memory.close() }
        let (rate, batches) = try Self.measure(memory, count: count)
        lines.append("in-memory: \(Int(rate)) appends/s (\(count) in \(batches) transactions)")
        // One job at a time, each waiting for its own commit: the fsync-per-message worst case.
        try TemporaryDirectory.with { directory throws in
            let writer = try PersistenceWriter.open(
                path: directory.appendingPathComponent("serial.sqlite").path,
                migrationsDirectory: StoreBackend.migrations)
            defer { writer.close() }
            try writer.submitAndWait { try $0.addUsers("u-alice", "u-bob") }
            let serial = 500
            let started = ContinuousClock.now
            for i in 0..<serial {
                _ = try writer.submitAndWait { stores in
                    try stores.messages.append(
                        sender: "u-alice", recipient: "u-bob", text: "\(i)", sentAt: 1, clientId: nil)
                }
            }
            let elapsed = ContinuousClock.now - started
            lines.append("sqlite FULL, one commit per append (submitAndWait): \(serial) in \(elapsed)")
        }
        for line in lines { print("[writer throughput] \(line)") }
        #expect(lines.count == 4)
    }
}
