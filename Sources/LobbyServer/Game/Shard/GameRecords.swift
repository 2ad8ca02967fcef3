import GameEvents
import Persistence

/// Turns an ended room into the row `games` stores, and a stored row back into what a replay needs. The rules
/// are kept whole (every number, not just the settings they came from), so a replay plays by the rules of its
/// day even if the defaults change later.
enum GameRecords {
    /// The record of `live`, ended with `result` at `endedAtMs`.
    static func record(of live: LiveRoom, result: GameResult, endedAtMs: Int64) -> GameRecord {
        let setup = live.launch.setup
        let left = setup.players.left
        let right = setup.players.right
        return GameRecord(
            id: setup.gameId.rawValue, lobbyId: setup.lobbyId?.rawValue, tournamentMatchId: setup.tournamentMatchId,
            seed: setup.seed,
            rules: rulesText(setup.rules, colors: PerSide(left: left.paddleColor, right: right.paddleColor),
                             isPrivate: live.launch.isPrivate),
            leftUserId: left.userId.rawValue, leftUsername: left.username,
            rightUserId: right.userId.rawValue, rightUsername: right.username,
            scoreLeft: result.score.left, scoreRight: result.score.right,
            winnerId: result.winner.map { setup.players[$0].userId.rawValue }, reason: result.reason,
            startedAt: live.launch.startedAtMs, endedAt: endedAtMs,
            durationMs: max(0, endedAtMs - live.launch.startedAtMs), ticks: Int64(result.simulationTicks),
            inputs: live.room.inputLog.encoded())
    }

    /// The rules (and what a replay needs besides: the paddle colours for its `game:start`, and whether the
    /// lobby was private, which limits who may replay it) as JSON text.
    static func rulesText(_ rules: PongRules, colors: PerSide<PaddleColor>, isPrivate: Bool) -> String {
        let object = JSONObject(uniqueKeysWithValues: [
            ("version", .integer(1)),
            ("fieldWidth", .number(rules.fieldWidth)), ("fieldHeight", .number(rules.fieldHeight)),
            ("paddleHeight", .number(rules.paddleHeight)), ("paddleWidth", .number(rules.paddleWidth)),
            ("paddleMargin", .number(rules.paddleMargin)), ("paddleSpeed", .number(rules.paddleSpeed)),
            ("ballRadius", .number(rules.ballRadius)), ("serveSpeed", .number(rules.serveSpeed)),
            ("speedUpFactor", .number(rules.speedUpFactor)), ("maxBallSpeed", .number(rules.maxBallSpeed)),
            ("maxBounceAngle", .number(rules.maxBounceAngle)), ("maxServeAngle", .number(rules.maxServeAngle)),
            ("serveDelayTicks", .integer(Int64(rules.serveDelayTicks))), ("pointsToWin", .integer(Int64(rules.pointsToWin))),
            ("ticksPerSecond", .integer(Int64(rules.ticksPerSecond))),
            ("leftColor", .string(colors.left.rawValue)), ("rightColor", .string(colors.right.rawValue)),
            ("private", .bool(isPrivate)),
        ])
        return String(decoding: JSONValue.object(object).serialized(), as: UTF8.self)
    }

    /// Why a stored game cannot be replayed.
    struct Unreadable: Error, CustomStringConvertible {
        let description: String
    }

    /// The rules and paddle colours from `rulesText`.
    static func rules(from text: String) throws -> (rules: PongRules, colors: PerSide<PaddleColor>) {
        let value = try JSONParser.parse(text)
        func number(_ key: String) throws -> Double {
            guard let number = value[key]?.doubleValue else { throw Unreadable(description: "rules.\(key) missing") }
            return number
        }
        func integer(_ key: String) throws -> Int {
            guard let number = value[key]?.int64Value else { throw Unreadable(description: "rules.\(key) missing") }
            return Int(number)
        }
        let rules = try PongRules(
            fieldWidth: number("fieldWidth"), fieldHeight: number("fieldHeight"), paddleHeight: number("paddleHeight"),
            paddleWidth: number("paddleWidth"), paddleMargin: number("paddleMargin"), paddleSpeed: number("paddleSpeed"),
            ballRadius: number("ballRadius"), serveSpeed: number("serveSpeed"), speedUpFactor: number("speedUpFactor"),
            maxBallSpeed: number("maxBallSpeed"), maxBounceAngle: number("maxBounceAngle"),
            maxServeAngle: number("maxServeAngle"), serveDelayTicks: integer("serveDelayTicks"),
            pointsToWin: integer("pointsToWin"), ticksPerSecond: integer("ticksPerSecond"))
        let left = value["leftColor"]?.stringValue.flatMap { PaddleColor(rawValue: $0) }
        let right = value["rightColor"]?.stringValue.flatMap { PaddleColor(rawValue: $0) }
        guard let left, let right else { throw Unreadable(description: "rules colours missing") }
        return (rules, PerSide(left: left, right: right))
    }

    /// Whether the stored game was played in a private lobby (unreadable rules count as private).
    static func isPrivate(_ record: GameRecord) -> Bool {
        guard let value = try? JSONParser.parse(record.rules) else { return true }
        return value["private"]?.boolValue ?? false
    }
}
