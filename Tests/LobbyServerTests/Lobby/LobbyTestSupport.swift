import GameEvents

@testable import LobbyServer

/// A small deterministic generator (SplitMix64) so lobby ids and random operation sequences reproduce.
struct LobbyTestRandom: RandomNumberGenerator {
    /// The generator's state; the seed at first.
    var state: UInt64

    /// The next 64 random bits.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Users, lobbies and shortcuts shared by the lobby tests.
enum LobbyFixture {
    /// The host of every fixture lobby.
    static let host = user("u-host")
    /// A second player.
    static let bob = user("u-bob")
    /// A third player.
    static let carol = user("u-carol")
    /// A fourth player.
    static let dave = user("u-dave")
    /// Someone who is in no lobby.
    static let stranger = user("u-stranger")
    /// The id of fixture lobbies made without a directory.
    static let lobbyId = LobbyID(validating: "l-fixture")!
    /// The rules of fixture lobbies: the defaults.
    static let rules = LobbyRules()

    /// The user `name`.
    static func user(_ name: String) -> UserID { UserID(validating: name)! }

    /// Valid options.
    static func options(maxPlayers: Int = 4, isPrivate: Bool = false, name: String = "Friday pong")
        -> Lobby.Options
    {
        try! Lobby.Options(name: name, maxPlayers: maxPlayers, isPrivate: isPrivate)
    }

    /// A waiting lobby hosted by ``host``, created at `now`.
    static func machine(
        maxPlayers: Int = 4, isPrivate: Bool = false, rules: LobbyRules = rules, now: Int64 = 1000
    ) -> LobbyStateMachine {
        LobbyStateMachine(
            id: lobbyId, host: host, username: "Host", options: options(maxPlayers: maxPlayers, isPrivate: isPrivate),
            rules: rules, now: now)
    }

    /// A lobby of ``host`` and ``bob`` (4 seats) brought to `state` at time 1000: countdown by both getting
    /// ready, in_game by the host starting it, finished by a score result, closed by the host.
    static func machine(in state: Lobby.State) -> LobbyStateMachine {
        var machine = machine()
        _ = machine.join(user: bob, username: "Bob", now: 1000)
        if state == .waiting { return machine }
        if state == .closed {
            _ = machine.close(user: host)
            return machine
        }
        _ = machine.ready(user: host, true, now: 1000)
        _ = machine.ready(user: bob, true, now: 1000)
        if state == .countdown { return machine }
        _ = machine.start(user: host)
        if state == .inGame { return machine }
        _ = machine.gameEnded(result)
        return machine
    }

    /// A score result: the host won 5 to 3.
    static let result = Lobby.GameResult(winnerId: host, scores: [host: 5, bob: 3], reason: .score, endedAt: 9000)
}

/// Shortcuts for reading actions in tests.
extension Array where Element == LobbyAction {
    /// The reason of the rejection in the list.
    var rejectionReason: LobbyRejection.Reason? { rejection?.reason }
}

extension Lobby {
    /// This lobby with `version` replaced, to compare everything but the version.
    func withVersion(_ version: Int64) -> Lobby {
        var copy = self
        copy.version = version
        return copy
    }
}

extension LobbyOutcome {
    /// The reason of the rejection among the actions.
    var rejectionReason: LobbyRejection.Reason? { rejection?.reason }
}
