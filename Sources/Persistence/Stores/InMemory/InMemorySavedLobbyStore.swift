/// The in-memory twin of `SQLiteSavedLobbyStore` (used only on the writer thread, like every store).
public final class InMemorySavedLobbyStore: SavedLobbyStore {
    private var saved: [SavedLobby] = []

    public init() {}

    public func replaceAll(_ lobbies: [SavedLobby]) throws { saved = lobbies }

    public func takeAll() throws -> [SavedLobby] {
        defer { saved = [] }
        return saved.sorted { ($0.savedAt, $0.lobbyId) < ($1.savedAt, $1.lobbyId) }
    }
}
