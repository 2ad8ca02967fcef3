import GameEvents
import Testing

@testable import LobbyServer

/// ``GameReplay``: a game played through a ``GameRoom`` (pauses and all) replays exactly from its seed and log.
@Suite struct GameReplayTests {
    let alice = RoomFixture.alice
    let bob = RoomFixture.bob

    /// A room played to its end, with every simulation state it went through (index = simulation tick).
    struct Played {
        var room: GameRoom
        var states: [PongSimulation]
    }

    /// Plays a game of `rules` and `seed` through a room: both players send inputs most ticks (near-perfect
    /// play jostled by noise, several inputs between ticks, stale repeats), and each player drops and comes
    /// back a few times (`script` decides when; nil keeps going). `forfeitAt` makes Bob leave at that room tick.
    static func play(
        rules: PongRules, seed: UInt64, noiseSeed: UInt64, forfeitAt: UInt64? = nil, maxRoomTicks: UInt64 = 300_000
    ) -> Played {
        var room = RoomFixture.room(rules: rules, seed: seed, grace: 2_000, countdown: 20)
        var states = [room.simulation]
        var noise = SplitMix64(seed: noiseSeed)
        var seq = PerSide<Int64>(both: 0)
        var away = PerSide<Bool>(both: false)
        while room.result == nil && room.roomTick < maxRoomTicks {
            for side in PongSide.allCases {
                let user = room.players[side].userId
                // Now and then a player drops for a while (well inside the grace period) and comes back.
                let roll = noise.next() % 1_000
                if !away[side] && roll < 2 {
                    _ = room.playerDisconnected(user)
                    away[side] = true
                } else if away[side] && roll < 15 {
                    _ = room.playerReconnected(user)
                    away[side] = false
                }
                guard !away[side] else { continue }
                let burst = Int(noise.next() % 3)
                for _ in 0..<burst {
                    seq[side] += 1
                    let input =
                        noise.next() % 4 == 0
                        ? PongFixture.randomInput(&noise) : PongFixture.perfectInput(side, room.simulation)
                    #expect(room.receiveInput(user: user, seq: seq[side], input: input) == .accepted)
                }
                if burst > 0 && noise.next() % 5 == 0 {
                    #expect(room.receiveInput(user: user, seq: seq[side], input: .up) == .stale)
                }
            }
            if room.roomTick == forfeitAt { _ = room.forfeit(RoomFixture.bob) }
            let before = room.simulationTicks
            _ = room.tick()
            if room.simulationTicks != before { states.append(room.simulation) }
        }
        return Played(room: room, states: states)
    }

    /// Replays `played` from its stored form (rules, seed, encoded log, final tick), checking every state.
    static func replayMatches(_ played: Played) throws -> Bool {
        let result = try #require(played.room.result)
        let stored = played.room.inputLog.encoded()
        var replay = GameReplay(
            rules: played.room.setup.rules, seed: played.room.setup.seed, log: try GameInputLog(decoding: stored),
            finalTick: result.simulationTicks)
        var tick = 0
        while !replay.isFinished {
            _ = replay.step()
            tick += 1
            guard tick < played.states.count, replay.simulation == played.states[tick] else { return false }
        }
        #expect(replay.step() == [] && replay.simulation == played.room.simulation)
        return tick == played.states.count - 1 && replay.simulation.tick == result.simulationTicks
    }

    @Test func aScriptedGameWithPausesReplaysExactly() throws {
        let rules = try PongRules(pointsToWin: 5)
        let played = Self.play(rules: rules, seed: 2024, noiseSeed: 1)
        let room = played.room
        let result = try #require(room.result)
        #expect(result.reason == .score && max(result.score.left, result.score.right) == 5)
        // The pauses happened: the room ran longer than the simulation.
        #expect(result.roomTicks > result.simulationTicks + 200)
        #expect(room.inputLog.entries.count > 100)

        var replay = GameReplay(
            rules: rules, seed: 2024, log: try GameInputLog(decoding: room.inputLog.encoded()),
            finalTick: result.simulationTicks)
        var scores: [PongScore] = []
        while !replay.isFinished {
            for event in replay.step() { if case .scored(_, let score) = event { scores.append(score) } }
        }
        #expect(replay.simulation.score == result.score)
        #expect(replay.simulation.tick == result.simulationTicks)
        #expect(replay.simulation.ball == room.simulation.ball)
        #expect(replay.simulation.paddles == room.simulation.paddles)
        #expect(replay.simulation == room.simulation)
        #expect(scores.last == result.score && scores.count == result.score.left + result.score.right)
        #expect(try Self.replayMatches(played))
    }

    @Test func aForfeitedGameReplaysToItsLastTick() throws {
        let played = Self.play(rules: .standard, seed: 77, noiseSeed: 3, forfeitAt: 2_500)
        let result = try #require(played.room.result)
        #expect(result.reason == .forfeit && result.winner == .left && result.roomTicks == 2_500)
        #expect(result.score.left < 11 && result.score.right < 11)
        var replay = GameReplay(
            rules: .standard, seed: 77, log: played.room.inputLog, finalTick: result.simulationTicks)
        let final = replay.runToEnd()
        #expect(final == played.room.simulation)
        #expect(replay.isFinished && replay.step() == [] && replay.simulation.tick == result.simulationTicks)
    }

    /// Many seeds, short games: every replay retraces the original state by state.
    @Test func everyGameReplaysExactly() throws {
        let rules = try PongRules(pointsToWin: 2)
        for seed in UInt64(1)...30 {
            let played = Self.play(rules: rules, seed: seed &* 0x9E37_79B9, noiseSeed: seed)
            #expect(played.room.result?.reason == .score)
            #expect(try Self.replayMatches(played), "seed \(seed)")
        }
    }

    /// The log matters: replaying without it, or with one player's inputs only, departs from the recorded game.
    @Test func aDamagedLogDoesNotReplayTheGame() throws {
        let rules = try PongRules(pointsToWin: 3)
        let played = Self.play(rules: rules, seed: 5, noiseSeed: 9)
        let result = try #require(played.room.result)
        /// Ticks at which a replay of `log` differs from the recorded game.
        func departures(_ log: GameInputLog) -> Int {
            var replay = GameReplay(rules: rules, seed: 5, log: log, finalTick: result.simulationTicks)
            var differing = 0
            while !replay.isFinished {
                _ = replay.step()
                let tick = Int(replay.simulation.tick)
                if tick >= played.states.count || replay.simulation != played.states[tick] { differing += 1 }
            }
            return differing
        }
        #expect(departures(played.room.inputLog) == 0)
        #expect(departures(GameInputLog()) > 0)
        // Either player's inputs alone are not the game either.
        for kept in PongSide.allCases {
            var partial = GameInputLog()
            for entry in played.room.inputLog.entries where entry.side == kept {
                partial.append(tick: entry.tick, side: entry.side, input: entry.input)
            }
            #expect(departures(partial) > 0, "only \(kept)")
        }
    }
}
