import Dispatch
import Foundation
import Testing

@testable import Persistence

/// Not a gate: prints how many lobby chat appends per second go through the writer (issue 4 asks for at least
/// 50,000 persisted per second). Meaningful in release:
/// `swift build -c release -Xswiftc -enable-testing --build-tests` then run the test binary with
/// `--filter LobbyChatThroughput`.
@Suite struct LobbyChatThroughputTests {
    /// The benchmark shape: 200 lobbies of 8 players.
    static let lobbies = 200
    static let players = 8

    /// Submits `count` appends round-robin over the lobbies and players from one thread as fast as it can, then
    /// waits for every completion; returns appends per second and the transactions they took.
    static func measure(_ writer: PersistenceWriter, count: Int) throws -> (perSecond: Double, batches: Int) {
        let before = writer.statistics.batches
        let group = DispatchGroup()
        let failures = Collected<String>()
        let started = ContinuousClock.now
        for i in 0..<count {
            let lobby = "l-\(i % lobbies)"
            let player = (i / lobbies) % players
            group.enter()
            try writer.submit(
                { stores in
                    try stores.lobbyChat.append(
                        lobbyId: lobby, userId: "u-\(player)", username: "player\(player)",
                        text: "gg, one more round? message \(i)", sentAt: Int64(i), clientId: "c\(i)")
                },
                completion: { result in
                    if let error = result.failure { failures.append("\(error)") }
                    group.leave()
                })
        }
        group.wait()
        let elapsed = ContinuousClock.now - started
        #expect(failures.all.isEmpty)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return (Double(count) / seconds, writer.statistics.batches - before)
    }

    @Test func printLobbyChatAppendThroughput() throws {
        let count = 100_000
        var lines: [String] = []
        for (name, synchronous) in [("sqlite FULL", SQLiteStorage.Synchronous.full), ("sqlite NORMAL", .normal)] {
            try TemporaryDirectory.with { directory throws in
                let writer = try PersistenceWriter.open(
                    path: directory.appendingPathComponent("bench.sqlite").path,
                    migrationsDirectory: StoreBackend.migrations, synchronous: synchronous)
                defer { writer.close() }
                let (rate, batches) = try Self.measure(writer, count: count)
                let last = try writer.submitAndWait { try $0.lobbyChat.lastMessageId(lobbyId: "l-0") }
                #expect(last == Int64(count / Self.lobbies))
                lines.append("\(name): \(Int(rate)) appends/s (\(count) in \(batches) transactions)")
            }
        }
        let memory = PersistenceWriter.inMemory()
        defer { memory.close() }
        let (rate, batches) = try Self.measure(memory, count: count)
        lines.append("in-memory: \(Int(rate)) appends/s (\(count) in \(batches) transactions)")
        for line in lines { print("[lobby chat throughput] \(line)") }
        #expect(lines.count == 3)
    }
}
