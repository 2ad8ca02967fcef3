import Testing

@testable import Persistence

/// `UserStore`: one body per test, run on SQLite and on the in-memory twin.
@Suite struct UserStoreTests {
    @Test(arguments: StoreBackend.allCases)
    func upsertCreatesThenRefreshes(backend: StoreBackend) throws {
        try backend.withStores { stores throws in
            let created = try stores.users.upsert(id: "u-1", username: "alice", seenAt: 100)
            #expect(created == StoredUser(id: "u-1", username: "alice", createdAt: 100, lastSeen: 100))
            let renamed = try stores.users.upsert(id: "u-1", username: "alicia", seenAt: 200)
            #expect(renamed == StoredUser(id: "u-1", username: "alicia", createdAt: 100, lastSeen: 200))
            // An older sighting renames but does not move last_seen backwards; created_at never changes.
            let late = try stores.users.upsert(id: "u-1", username: "al", seenAt: 150)
            #expect(late == StoredUser(id: "u-1", username: "al", createdAt: 100, lastSeen: 200))
            #expect(try stores.users.user(id: "u-1") == late)
            #expect(try stores.users.user(id: "u-2") == nil)
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func touchMovesLastSeenForwardOnly(backend: StoreBackend) throws {
        try backend.withStores { stores throws in
            try stores.users.upsert(id: "u-1", username: "alice", seenAt: 100)
            #expect(try stores.users.touch(id: "u-1", lastSeen: 500))
            #expect(try stores.users.user(id: "u-1")?.lastSeen == 500)
            #expect(try stores.users.touch(id: "u-1", lastSeen: 300))  // known user, time kept
            #expect(try stores.users.user(id: "u-1")?.lastSeen == 500)
            #expect(try stores.users.touch(id: "u-nobody", lastSeen: 1) == false)
            #expect(try stores.users.user(id: "u-nobody") == nil)
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func idsAndNamesKeepEveryCharacter(backend: StoreBackend) throws {
        try backend.withStores { stores throws in
            let id = "u-é\u{0}🎲'; DROP TABLE users; --"
            try stores.users.upsert(id: id, username: "Zoë 🎲", seenAt: 1)
            #expect(try stores.users.user(id: id)?.username == "Zoë 🎲")
            #expect(try stores.users.user(id: "u-é") == nil)  // the NUL is part of the id, not its end
        }
    }
}
