import Foundation
import Testing

@testable import Persistence

/// `GameStore`: one body per test, run on SQLite and on the in-memory twin.
@Suite struct GameStoreTests {
    /// A game between `left` and `right` (ids `u-<name>`) that ended at `endedAt`; the rest filled in.
    static func game(
        _ id: String, _ left: String = "alice", _ right: String = "bob", endedAt: Int64 = 10_000,
        match: String? = nil
    ) -> GameRecord {
        GameRecord(
            id: id, lobbyId: "l-1", tournamentMatchId: match, seed: 42, rules: #"{"pointsToWin":5}"#,
            leftUserId: "u-\(left)", leftUsername: left, rightUserId: "u-\(right)", rightUsername: right,
            scoreLeft: 5, scoreRight: 3, winnerId: "u-\(left)", reason: .score, startedAt: endedAt - 60_000,
            endedAt: endedAt, durationMs: 60_000, ticks: 3_600, inputs: [1, 2, 3])
    }

    /// 100 KiB of bytes covering every value, NULs included, in an order that is not a simple pattern.
    static let bigInputs: [UInt8] = (0..<102_400).map { UInt8(truncatingIfNeeded: ($0 &* 2_654_435_761) >> 7) }

    @Test(arguments: StoreBackend.allCases)
    func everyFieldRoundTrips(backend: StoreBackend) throws {
        try backend.withStores { stores throws in
            let full = GameRecord(
                id: "g-abcdefghij", lobbyId: "l-é🎲", tournamentMatchId: "t-1/m-3", seed: 0xDEAD_BEEF_CAFE_BABE,
                rules: #"{"pointsToWin":7,"ball":{"speed":1.5},"name":"'; DROP TABLE games; --"}"#,
                leftUserId: "u-1", leftUsername: "Zoë 🎲", rightUserId: "u-2", rightUsername: "bob\u{0}tail",
                scoreLeft: 2, scoreRight: 7, winnerId: "u-2", reason: .forfeit, startedAt: 1_700_000_000_000,
                endedAt: 1_700_000_123_456, durationMs: 123_456, ticks: 7_407, inputs: Self.bigInputs)
            let bare = GameRecord(
                id: "g-bare", lobbyId: nil, tournamentMatchId: nil, seed: 0, rules: "", leftUserId: "u-1",
                leftUsername: "", rightUserId: "u-2", rightUsername: "", scoreLeft: 0, scoreRight: 0, winnerId: nil,
                reason: .abandoned, startedAt: .min, endedAt: .max - 1, durationMs: 0, ticks: .max, inputs: [])
            #expect(Self.bigInputs.count == 102_400 && Set(Self.bigInputs).count == 256)
            for record in [full, bare] {
                #expect(try stores.games.record(record))
                #expect(try stores.games.game(id: record.id) == record)
            }
            // Seeds use all 64 bits: those with the top bit set are negative as SQLite integers.
            let seeds: [UInt64] = [1, UInt64(Int64.max), 1 << 63, (1 << 63) + 1, 0xFFFF_FFFF_0000_0001, .max]
            for (index, seed) in seeds.enumerated() {
                var record = Self.game("g-seed\(index)")
                record.seed = seed
                #expect(try stores.games.record(record))
                #expect(try stores.games.game(id: record.id)?.seed == seed, "\(seed)")
            }
            #expect(try stores.games.games(of: "u-1", before: nil, limit: 10) == [bare, full])
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func recordIsIdempotentAndNeverOverwrites(backend: StoreBackend) throws {
        try backend.withStores { stores throws in
            let original = Self.game("g-1")
            #expect(try stores.games.record(original))
            #expect(try stores.games.record(original) == false)
            var other = Self.game("g-1", "carol", "dave", endedAt: 20_000, match: "m-1")
            other.inputs = [9]
            other.reason = .abandoned
            #expect(try stores.games.record(other) == false)
            #expect(try stores.games.game(id: "g-1") == original)
            #expect(try stores.games.games(of: "u-alice", before: nil, limit: 10) == [original])
            #expect(try stores.games.games(of: "u-carol", before: nil, limit: 10).isEmpty)
            #expect(try stores.games.games(tournamentMatchId: "m-1").isEmpty)
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func unknownIdsReadAsNil(backend: StoreBackend) throws {
        try backend.withStores { stores throws in
            #expect(try stores.games.game(id: "g-1") == nil)
            try stores.games.record(Self.game("g-1"))
            for id in ["g-2", "G-1", "g-1 ", "g-", ""] {
                #expect(try stores.games.game(id: id) == nil, "\(id)")
            }
            #expect(try stores.games.games(of: "u-nobody", before: nil, limit: 10).isEmpty)
            #expect(try stores.games.games(tournamentMatchId: "m-none").isEmpty)
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func aUsersGamesPageNewestFirst(backend: StoreBackend) throws {
        try backend.withStores { stores throws in
            // alice on both sides, recorded out of order; g-4a and g-4b end in the same millisecond.
            let alices = [
                Self.game("g-3", "alice", "bob", endedAt: 3_000), Self.game("g-1", "bob", "alice", endedAt: 1_000),
                Self.game("g-4b", "carol", "alice", endedAt: 4_000), Self.game("g-6", "alice", "carol", endedAt: 6_000),
                Self.game("g-2", "alice", "bob", endedAt: 2_000), Self.game("g-4a", "alice", "dave", endedAt: 4_000),
                Self.game("g-5", "dave", "alice", endedAt: 5_000),
            ]
            for game in alices { try stores.games.record(game) }
            try stores.games.record(Self.game("g-x", "carol", "dave", endedAt: 9_000))

            let ids = { (games: [GameRecord]) in games.map(\.id) }
            let first = try stores.games.games(of: "u-alice", before: nil, limit: 3)
            #expect(ids(first) == ["g-6", "g-5", "g-4b"])
            let second = try stores.games.games(of: "u-alice", before: first.last?.endedAt, limit: 3)
            #expect(ids(second) == ["g-3", "g-2", "g-1"])  // strictly before 4,000: g-4a is on neither page
            #expect(try stores.games.games(of: "u-alice", before: 1_000, limit: 3).isEmpty)
            #expect(ids(try stores.games.games(of: "u-alice", before: 4_001, limit: 2)) == ["g-4b", "g-4a"])
            #expect(ids(try stores.games.games(of: "u-alice", before: nil, limit: 100)) == [
                "g-6", "g-5", "g-4b", "g-4a", "g-3", "g-2", "g-1",
            ])
            #expect(ids(try stores.games.games(of: "u-dave", before: nil, limit: 9)) == ["g-x", "g-5", "g-4a"])
            #expect(try stores.games.games(of: "u-bob", before: nil, limit: 9).map(\.endedAt) == [3_000, 2_000, 1_000])
            // Pages read full records, inputs included.
            #expect(try stores.games.games(of: "u-alice", before: 2_500, limit: 1) == [alices[4]])
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func pageSizesAreClamped(backend: StoreBackend) throws {
        try backend.withStores { stores throws in
            for index in 0..<105 { try stores.games.record(Self.game("g-\(index)", endedAt: Int64(index))) }
            #expect(try stores.games.games(of: "u-bob", before: nil, limit: 0).map(\.id) == ["g-104"])
            #expect(try stores.games.games(of: "u-bob", before: nil, limit: -5).count == 1)
            #expect(try stores.games.games(of: "u-bob", before: nil, limit: 1_000).count == 100)
            #expect(try stores.games.games(of: "u-bob", before: nil, limit: .max).last?.id == "g-5")
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func aGameAgainstOneselfIsListedOnce(backend: StoreBackend) throws {
        try backend.withStores { stores throws in
            try stores.games.record(Self.game("g-solo", "alice", "alice"))
            #expect(try stores.games.games(of: "u-alice", before: nil, limit: 10).map(\.id) == ["g-solo"])
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func aMatchsGamesComeOldestFirst(backend: StoreBackend) throws {
        try backend.withStores { stores throws in
            let match = [
                Self.game("g-m3", endedAt: 3_000, match: "m-1"), Self.game("g-m1", endedAt: 1_000, match: "m-1"),
                Self.game("g-m2", endedAt: 2_000, match: "m-1"),
            ]
            for game in match { try stores.games.record(game) }
            try stores.games.record(Self.game("g-other", endedAt: 1_500, match: "m-2"))
            try stores.games.record(Self.game("g-free", endedAt: 1_200))
            #expect(try stores.games.games(tournamentMatchId: "m-1") == [match[1], match[2], match[0]])
            #expect(try stores.games.games(tournamentMatchId: "m-2").map(\.id) == ["g-other"])
            #expect(try stores.games.games(tournamentMatchId: "").isEmpty)
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func writerJobsRecordAndAFailedJobLeavesNoGame(backend: StoreBackend) throws {
        struct Boom: Error {}
        try TemporaryDirectory.with { directory throws in
            let writer = try backend.writer(in: directory)
            defer { writer.close() }
            let record = Self.game("g-1", match: "m-1")
            // The job's savepoint is rolled back: the game it recorded goes with it, on both back-ends.
            #expect(throws: Boom.self) {
                try writer.submitAndWait { stores in
                    guard try stores.games.record(record) else { return }
                    throw Boom()
                }
            }
            #expect(try writer.submitAndWait { stores in try stores.games.game(id: "g-1") } == nil)
            #expect(try writer.submitAndWait { stores in try stores.games.games(tournamentMatchId: "m-1") }.isEmpty)
            let bobs = try writer.submitAndWait { stores in try stores.games.games(of: "u-bob", before: nil, limit: 5) }
            #expect(bobs.isEmpty)

            let done = Collected<Result<Bool, any Error>>()
            let group = DispatchGroup()
            group.enter()
            try writer.submit({ stores in try stores.games.record(record) }) { result in
                done.append(result)
                group.leave()
            }
            #expect(group.wait(seconds: 30))
            #expect(try done.all.first?.get() == true)
            #expect(try writer.submitAndWait { stores in try stores.games.record(record) } == false)
            #expect(try writer.submitAndWait { stores in try stores.games.game(id: "g-1") } == record)
        }
    }
}
