import GameEvents

/// One lobby as its members see it: `lobby:update` carries all of it (docs/protocol.md, "Lobbies").
///
/// Only a ``LobbyStateMachine`` changes the lobby it owns (it exposes it read-only); a `Lobby` anywhere else is a
/// snapshot. `version` starts at 1 and grows by exactly one with every change a member could see, so a client
/// can drop stale updates and a resuming client can tell whether it missed any.
struct Lobby: Equatable, Sendable {
    /// The server-made id ("l-" followed by 10 base32 characters).
    let id: LobbyID
    /// The sanitized display name (1-48 Unicode scalars).
    let name: String
    /// The game played in this lobby.
    let gameType: GameType
    /// How many players the lobby seats (2-8).
    let maxPlayers: Int
    /// A private lobby is joinable only with an invitation and is never listed.
    let isPrivate: Bool
    /// The game settings chosen at creation.
    let settings: Settings
    /// The player who may start and close the lobby; always a member while the lobby is open.
    var hostId: UserID
    /// The members in join order (earliest first).
    var players: [Player]
    /// Where the lobby is in its life cycle.
    var state: State
    /// Grows by one with every visible change; 1 at creation.
    var version: Int64
    /// When the lobby was created (wall-clock milliseconds).
    let createdAt: Int64
    /// While in `countdown`: when the game starts unless the countdown is cancelled (wall-clock milliseconds).
    var countdownEndsAt: Int64?
    /// While in `finished`: how the last game ended.
    var result: GameResult?

    /// The member `user`, if they are one.
    func player(_ user: UserID) -> Player? {
        players.first { $0.userId == user }
    }

    /// Whether `user` is a member.
    func contains(_ user: UserID) -> Bool {
        players.contains { $0.userId == user }
    }

    /// Whether every seat is taken.
    var isFull: Bool { players.count >= maxPlayers }

    /// The members' ids in join order.
    var memberIds: [UserID] { players.map(\.userId) }

    /// Whether at least `minimum` players are present and every one of them is ready.
    func everyoneReady(minimum: Int) -> Bool {
        players.count >= minimum && players.allSatisfy(\.ready)
    }
}
