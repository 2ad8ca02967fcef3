import Foundation
import GameEvents
import Persistence
import Testing
@testable import LobbyServer

/// Not a gate: how many rooms one game shard ticks on schedule, without sockets (the frames are encoded and
/// handed to an outbox whose loops do not exist). A feeder thread posts both players' inputs for every room
/// every tick, as the loops would. Runs only with LOBBY_TICK_CAPACITY=1, meaningful in release:
/// `swift build -c release -Xswiftc -enable-testing --build-tests`, then
/// `LOBBY_TICK_CAPACITY=1 .build/release/LobbyPackageTests.xctest --testing-library swift-testing --filter GameTickCapacity`.
@Suite(.serialized, .enabled(if: ProcessInfo.processInfo.environment["LOBBY_TICK_CAPACITY"] == "1"))
struct GameTickCapacityTests {
    @Test(arguments: [1_000, 2_000, 4_000, 8_000])
    func roomsOnOneShard(rooms: Int) throws {
        let (shard, writer) = try GameShardScheduleTests.shard(rooms: rooms)
        defer { writer.close() }
        shard.start()
        let feeding = ManagedAtomicFlag()
        let feeder = Thread {
            var seq: Int64 = 0
            while !feeding.isSet {
                seq += 1
                for index in 0..<rooms {
                    let game = GameID(rawValue: "g-test\(index)")!
                    for (side, user) in ["a", "b"].enumerated() {
                        let input: PaddleInput = seq % 2 == 0 ? .target(Double(100 + side * 300)) : .up
                        shard.post(.input(game, UserID(rawValue: "u-\(user)\(index)")!, seq: seq, input: input,
                                          ref: ConnectionRef(loop: 0, token: UInt64(index * 2 + side + 1)), id: nil))
                    }
                }
                Thread.sleep(forTimeInterval: 1.0 / 60)
            }
        }
        feeder.start()
        Thread.sleep(forTimeInterval: 1.5)
        let before = shard.published.withLock { $0 }
        Thread.sleep(forTimeInterval: 5)
        let after = shard.published.withLock { $0 }
        feeding.set()
        #expect(shard.stop(timeoutMs: 10_000))
        let lateness = Self.delta(after.lateness, before.lateness)
        let duration = Self.delta(after.duration, before.duration)
        let ticks = after.ticks - before.ticks
        let meanPeriod = Double(after.periodSumNs - before.periodSumNs) / Double(max(1, after.periodCount - before.periodCount))
        print("""
            GameTickCapacity: \(rooms) rooms on one shard, \(ticks) ticks: lateness p50 <= \(Self.quantile(lateness, 0.5)) ms, \
            p99 <= \(Self.quantile(lateness, 0.99)) ms, late (> 1 ms) \(after.lateTicks - before.lateTicks), \
            skipped \(after.skippedTicks - before.skippedTicks); tick run p50 <= \(Self.quantile(duration, 0.5)) ms, \
            p99 <= \(Self.quantile(duration, 0.99)) ms, mean \(String(format: "%.2f", Double(after.duration.sumNs - before.duration.sumNs) / Double(max(1, after.duration.count - before.duration.count)) / 1e6)) ms; mean period \(String(format: "%.4f", meanPeriod / 1e6)) ms
            """)
    }

    /// Per-bucket counts of `after` minus `before`.
    static func delta(_ after: TickHistogram, _ before: TickHistogram) -> [UInt64] {
        zip(after.counts, before.counts).map { $0 - $1 }
    }

    /// The upper bound (ms) of the bucket holding quantile `q`.
    static func quantile(_ counts: [UInt64], _ q: Double) -> String {
        let total = counts.reduce(0, +)
        guard total > 0 else { return "-" }
        var seen: UInt64 = 0
        for (index, count) in counts.enumerated() {
            seen += count
            if Double(seen) >= q * Double(total) {
                return index < TickHistogram.boundsNs.count ? String(Double(TickHistogram.boundsNs[index]) / 1e6) : "inf"
            }
        }
        return "inf"
    }
}

/// A flag one thread sets and another polls.
final class ManagedAtomicFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}
