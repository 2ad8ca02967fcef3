import Foundation
import Testing
@testable import Persistence

/// Saved lobbies: written at shutdown, taken exactly once at start-up, on both back-ends.
@Suite struct SavedLobbyStoreTests {
    static func roundTrip(_ store: any SavedLobbyStore) throws {
        #expect(try store.takeAll().isEmpty)
        try store.replaceAll([SavedLobby(lobbyId: "l-b", snapshot: "{\"b\":1}", savedAt: 2),
                              SavedLobby(lobbyId: "l-a", snapshot: "{\"a\":1}", savedAt: 1)])
        try store.replaceAll([SavedLobby(lobbyId: "l-c", snapshot: "{\"c\":1}", savedAt: 3),
                              SavedLobby(lobbyId: "l-a", snapshot: "{\"a\":2}", savedAt: 3)])
        let taken = try store.takeAll()
        #expect(taken.map(\.lobbyId) == ["l-a", "l-c"])
        #expect(taken.first?.snapshot == "{\"a\":2}")
        #expect(try store.takeAll().isEmpty)
    }

    @Test func inMemory() throws { try Self.roundTrip(InMemorySavedLobbyStore()) }

    @Test func sqlite() throws {
        try MigrationsTests.withMigratedFile { db in try Self.roundTrip(SQLiteSavedLobbyStore(connection: db)) }
    }
}
