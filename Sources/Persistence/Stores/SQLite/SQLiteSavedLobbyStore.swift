/// `SavedLobbyStore` in the `saved_lobbies` table.
public final class SQLiteSavedLobbyStore: SavedLobbyStore {
    let connection: SQLiteConnection

    public init(connection: SQLiteConnection) {
        self.connection = connection
    }

    public func replaceAll(_ lobbies: [SavedLobby]) throws {
        try connection.run("DELETE FROM saved_lobbies")
        for lobby in lobbies {
            try connection.run("INSERT INTO saved_lobbies (lobby_id, snapshot, saved_at) VALUES (?, ?, ?)",
                               [lobby.lobbyId, lobby.snapshot, lobby.savedAt])
        }
    }

    public func takeAll() throws -> [SavedLobby] {
        let rows = try connection.query("SELECT lobby_id, snapshot, saved_at FROM saved_lobbies ORDER BY saved_at, lobby_id")
        try connection.run("DELETE FROM saved_lobbies")
        return rows.compactMap { row in
            guard row.count == 3, case .text(let id) = row[0], case .text(let snapshot) = row[1],
                  case .integer(let savedAt) = row[2] else { return nil }
            return SavedLobby(lobbyId: id, snapshot: snapshot, savedAt: savedAt)
        }
    }
}
