/// Fills the lobbies before the chat starts, driven by the server's answers: a host creates its lobby as soon as
/// its `connection.ack` arrives; a member joins once it is logged in and its lobby's id is known; a lobby is
/// ready when all its members are in (`lobby:created` plus one `lobby:joined` each). A refused create or join
/// (`system.error`) fails the lobby; its connections are closed before the measurement so that every lobby that
/// chats is full.
final class LobbySetup {
    private unowned let engine: LoadEngine
    private let layout: LobbyLayout
    /// Per connection: `connection.ack` arrived.
    private var acked: [Bool]
    /// Per connection: create or join sent.
    private var requested: [Bool]
    /// Per connection: sent `lobby:leave` after an `in_another_lobby` refusal.
    private var leftEarlierLobby: [Bool]
    /// Per lobby: its id, once created.
    private var lobbyIds: [String?]
    /// Per lobby: members in so far (host included).
    private var inside: [Int]
    /// Per lobby: a create or join was refused.
    private var failed: [Bool]

    /// Connections logged in.
    private(set) var ackCount = 0
    /// Lobbies with every member in.
    private(set) var readyCount = 0
    /// Lobbies that failed.
    private(set) var failedCount = 0
    /// Players that left a lobby of an earlier run first.
    private(set) var leftEarlier = 0
    /// Refusals by error code (`token_signature`, `conflict`, ...).
    private(set) var errors: [String: Int] = [:]
    /// The first refusal, described.
    private(set) var firstError = ""

    /// Setup state for `layout`'s lobbies; requests go out through `engine`.
    init(engine: LoadEngine, layout: LobbyLayout) {
        self.engine = engine
        self.layout = layout
        acked = Array(repeating: false, count: layout.connections)
        requested = Array(repeating: false, count: layout.connections)
        leftEarlierLobby = Array(repeating: false, count: layout.connections)
        lobbyIds = Array(repeating: nil, count: layout.lobbies)
        inside = Array(repeating: 0, count: layout.lobbies)
        failed = Array(repeating: false, count: layout.lobbies)
    }

    /// Every lobby is ready or failed.
    var isComplete: Bool { readyCount + failedCount == layout.lobbies }

    /// Whether `lobby` has all its members.
    func isReady(_ lobby: Int) -> Bool { inside[lobby] == layout.members && !failed[lobby] }

    /// `connection.ack` on connection `index`: the host creates its lobby; a member joins if the id is known.
    func acknowledged(_ index: Int) {
        guard !acked[index] else { return }
        acked[index] = true
        ackCount += 1
        let lobby = layout.lobby(of: index)
        if layout.member(of: index) == 0 {
            send(index, LobbyRequests.create(lobby: lobby, maxPlayers: layout.members))
        } else if let id = lobbyIds[lobby] {
            send(index, LobbyRequests.join(lobbyId: id, index: index))
        }
    }

    /// `lobby:created` for the host on `index`: note the id, let the members that are logged in join.
    func created(_ index: Int, _ message: ParsedServerMessage) {
        let lobby = layout.lobby(of: index)
        guard let id = message.payload["lobby"]?["id"]?.stringValue else {
            refused(lobby, code: "bad_answer", "lobby:created without payload.lobby.id")
            return
        }
        lobbyIds[lobby] = id
        entered(lobby)
        for member in 1..<layout.members {
            let other = layout.connection(lobby: lobby, member: member)
            if acked[other] { send(other, LobbyRequests.join(lobbyId: id, index: other)) }
        }
    }

    /// `lobby:joined` for connection `index`.
    func joined(_ index: Int) { entered(layout.lobby(of: index)) }

    /// A `system.error` answering connection `index`'s create or join, or a `connection.error`. A user still in
    /// a lobby of an earlier run against the same server (`in_another_lobby`: seats outlive connections for the
    /// reconnect grace) leaves it and asks again, once.
    func refused(_ index: Int, _ message: ParsedServerMessage) {
        if message.payload["reason"]?.stringValue == "in_another_lobby", !leftEarlierLobby[index] {
            leftEarlierLobby[index] = true
            leftEarlier += 1
            requested[index] = false
            send(index, LobbyRequests.leave(index: index), counted: false)
            let lobby = layout.lobby(of: index)
            if layout.member(of: index) == 0 {
                send(index, LobbyRequests.create(lobby: lobby, maxPlayers: layout.members))
            } else if let id = lobbyIds[lobby] {
                send(index, LobbyRequests.join(lobbyId: id, index: index))
            }
            return
        }
        refused(
            layout.lobby(of: index), code: message.errorCode,
            "connection \(index) (\(layout.user(of: index))): \(message.type) \(message.errorCode): "
                + message.errorMessage)
    }

    /// Fails the lobbies of connections that did not open (counted by the engine as connect failures).
    func failUnopened() {
        for index in 0..<layout.connections where engine.conns[index].state != .open {
            let lobby = layout.lobby(of: index)
            if !failed[lobby] { refused(lobby, code: "not_connected", "connection \(index) did not open") }
        }
    }

    /// Closes the connections of lobbies that are not ready (failed, or not full when setup ended), so that
    /// every lobby that chats has all its members. Returns how many lobbies are ready.
    func closeIncompleteLobbies() -> Int {
        for lobby in 0..<layout.lobbies where !isReady(lobby) {
            for member in 0..<layout.members { engine.startClose(layout.connection(lobby: lobby, member: member)) }
        }
        engine.flushDirty()
        return (0..<layout.lobbies).filter(isReady).count
    }

    private func entered(_ lobby: Int) {
        inside[lobby] += 1
        if inside[lobby] == layout.members && !failed[lobby] { readyCount += 1 }
    }

    private func refused(_ lobby: Int, code: String, _ description: String) {
        errors[code, default: 0] += 1
        if firstError.isEmpty { firstError = description }
        guard !failed[lobby] else { return }
        if isReady(lobby) { readyCount -= 1 }
        failed[lobby] = true
        failedCount += 1
    }

    /// Sends a request; a counted one (create or join) goes out at most once per connection.
    private func send(_ index: Int, _ request: [UInt8], counted: Bool = true) {
        guard engine.conns[index].state == .open, !(counted && requested[index]) else { return }
        if counted { requested[index] = true }
        request.withUnsafeBytes { engine.queueFrame(index, .text, $0) }
    }
}
