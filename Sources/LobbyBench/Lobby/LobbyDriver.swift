/// Reads the lobby scenario's server messages and hands each to the part that waits for it: the setup (logins,
/// creates, joins), the history audit (pages), or the error tally (refused chat messages). Chat deliveries are
/// recognised from their first bytes and left to the engine's marker count; only the rare other messages are
/// parsed in full.
final class LobbyDriver {
    /// Lobby creation and joins.
    let setup: LobbySetup
    /// The history audit, once started.
    var audit: HistoryAudit?
    /// Refused chat messages by error code (`rate_limited`, ...).
    private(set) var chatErrors: [String: Int] = [:]
    /// The first refused chat message, described.
    private(set) var firstChatError = ""
    /// Text messages that were not a JSON object with a string `type`.
    private(set) var unreadable = 0

    /// A driver whose setup sends through `engine`.
    init(engine: LoadEngine, layout: LobbyLayout) {
        setup = LobbySetup(engine: engine, layout: layout)
    }

    /// One text message from connection `index` (the engine's ``LoadEngine/onText`` hook).
    @inline(__always)
    func received(_ index: Int, _ payload: UnsafeRawBufferPointer) {
        let sniffed = ServerMessageKind.sniff(payload)
        if sniffed == .lobbyChat || sniffed == .other { return }
        guard let message = ParsedServerMessage(payload) else {
            unreadable += 1
            return
        }
        switch sniffed ?? ServerMessageKind(type: message.type) {
        case .lobbyChat, .other: return
        case .connectionAck: setup.acknowledged(index)
        case .connectionError: setup.refused(index, message)
        case .lobbyCreated: setup.created(index, message)
        case .lobbyJoined: setup.joined(index)
        case .lobbyHistory: audit?.page(index, message)
        case .systemError: refused(index, message)
        }
    }

    /// A `system.error`: to whoever sent the request it answers.
    private func refused(_ index: Int, _ message: ParsedServerMessage) {
        switch LobbyRequests.purpose(of: message.replyTo) {
        case .create, .join:
            setup.refused(index, message)
        case .leave:
            // The retried create or join that follows is refused too and fails the lobby; nothing to do here.
            return
        case .history:
            audit?.refused(index, message)
        case .chat:
            chatErrors[message.errorCode, default: 0] += 1
            if firstChatError.isEmpty {
                firstChatError = "connection \(index): \(message.errorCode): \(message.errorMessage)"
            }
        }
    }
}
