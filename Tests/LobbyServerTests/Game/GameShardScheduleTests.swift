import Foundation
import GameEvents
import Persistence
import Testing
@testable import LobbyServer

/// A real game shard thread ticking many rooms at once: it keeps its fixed schedule (no skipped ticks, the mean
/// period on target, every room stepped every tick). The rooms' players have connection refs no loop owns, so
/// their frames are built and handed to the outbox but go nowhere.
@Suite(.serialized) struct GameShardScheduleTests {
    static func shard(rooms: Int, tickRate: Int = 60) throws -> (GameShard, PersistenceWriter) {
        var config = Config()
        config.gameTickRate = tickRate
        let path = TestServer.temporaryDatabase()
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let writer = try PersistenceWriter.open(path: path, migrationsDirectory: URL(fileURLWithPath: TestServer.migrations))
        let shard = GameShard(index: 0, settings: GameSettings(config: config), fanout: Fanout(), writer: writer)
        for index in 0..<rooms {
            let players = [
                GamePlayer(userId: UserID(rawValue: "u-a\(index)")!, username: "a", side: .left, paddleColor: PaddleColor(rawValue: "#FF0000")!),
                GamePlayer(userId: UserID(rawValue: "u-b\(index)")!, username: "b", side: .right, paddleColor: PaddleColor(rawValue: "#00FF00")!),
            ]
            let setup = try GameRoomSetup(
                gameId: GameID(rawValue: "g-test\(index)")!, players: players,
                rules: PongRules.forRate(ticksPerSecond: tickRate, pointsToWin: 21, serveDelayMs: 100),
                seed: UInt64(index), reconnectGraceTicks: 600, resumeCountdownTicks: 60)
            let refs = Dictionary(uniqueKeysWithValues: players.enumerated().map { offset, player in
                (player.userId, Set([ConnectionRef(loop: 0, token: UInt64(index * 2 + offset + 1))]))
            })
            shard.post(.create(GameLaunch(setup: setup, startedAtMs: 0, isPrivate: false, players: refs, spectators: [:])))
        }
        return (shard, writer)
    }

    @Test func manyRoomsStayOnSchedule() throws {
        let rooms = 300
        let (shard, writer) = try Self.shard(rooms: rooms)
        defer { writer.close() }
        shard.start()
        // Let it settle, then measure a window of 2 s from two published snapshots (published once per second).
        Thread.sleep(forTimeInterval: 1.2)
        let before = shard.published.withLock { $0 }
        let framesBefore = shard.stateFrames.load(ordering: .relaxed)
        Thread.sleep(forTimeInterval: 2.1)
        let after = shard.published.withLock { $0 }
        let framesAfter = shard.stateFrames.load(ordering: .relaxed)
        #expect(shard.stop(timeoutMs: 5_000))
        #expect(shard.roomCount.load(ordering: .relaxed) == rooms)
        let ticks = after.ticks - before.ticks
        #expect(ticks >= 110, "ticks in the window: \(ticks)")
        #expect(after.skippedTicks == 0, "skipped ticks: \(after.skippedTicks)")
        let meanPeriodNs = Double(after.periodSumNs - before.periodSumNs) / Double(after.periodCount - before.periodCount)
        #expect(abs(meanPeriodNs - 1e9 / 60) < 1e9 / 60 * 0.02, "mean period \(meanPeriodNs) ns")
        // Every room sends one state per tick.
        let frames = framesAfter - framesBefore
        #expect(frames >= rooms * Int(ticks) - rooms * 60 && frames <= rooms * (Int(ticks) + 60), "frames \(frames) for \(ticks) ticks")
        print("GameShardScheduleTests: \(rooms) rooms, \(ticks) ticks, late \(after.lateTicks - before.lateTicks), mean period \(Int(meanPeriodNs)) ns, max lateness \(after.maxLatenessNs) ns")
    }

    @Test func shutdownStoresRunningGamesAsAbandoned() throws {
        let (shard, writer) = try Self.shard(rooms: 3)
        defer { writer.close() }
        shard.start()
        Thread.sleep(forTimeInterval: 0.3)
        #expect(shard.stop(timeoutMs: 5_000))
        let stored = try writer.submitAndWait { stores in try (0..<3).map { try stores.games.game(id: "g-test\($0)") } }
        #expect(stored.allSatisfy { $0?.reason == .abandoned && $0?.winnerId == nil })
        #expect(stored.allSatisfy { ($0?.ticks ?? 0) > 0 })
    }
}
