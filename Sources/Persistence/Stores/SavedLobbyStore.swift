/// One lobby saved at shutdown: its id and its state as JSON (the server's wire format).
public struct SavedLobby: Sendable, Equatable {
    public var lobbyId: String
    public var snapshot: String
    public var savedAt: Int64

    public init(lobbyId: String, snapshot: String, savedAt: Int64) {
        self.lobbyId = lobbyId
        self.snapshot = snapshot
        self.savedAt = savedAt
    }
}

/// Lobbies carried across a clean restart: written once at shutdown, taken once at start-up.
public protocol SavedLobbyStore {
    /// Replaces whatever was saved with `lobbies`.
    func replaceAll(_ lobbies: [SavedLobby]) throws
    /// Returns the saved lobbies and forgets them (each restart restores a lobby at most once).
    func takeAll() throws -> [SavedLobby]
}
