import Testing

@testable import Persistence

/// `FriendStore`: one body per test, run on SQLite and on the in-memory twin.
@Suite struct FriendStoreTests {
    @Test(arguments: StoreBackend.allCases)
    func requestsBothWaysOldestFirst(backend: StoreBackend) throws {
        try backend.withStores { stores throws in
            try stores.addUsers("u-alice", "u-bob", "u-carol", "u-dave")
            #expect(try stores.friends.addRequest(from: "u-bob", to: "u-alice", at: 20))
            #expect(try stores.friends.addRequest(from: "u-carol", to: "u-alice", at: 10))
            #expect(try stores.friends.addRequest(from: "u-dave", to: "u-alice", at: 20))
            #expect(try stores.friends.addRequest(from: "u-alice", to: "u-dave", at: 30))
            // Asking again keeps the first request and its time.
            #expect(try stores.friends.addRequest(from: "u-bob", to: "u-alice", at: 99) == false)
            #expect(try stores.friends.hasRequest(from: "u-bob", to: "u-alice"))
            #expect(try stores.friends.hasRequest(from: "u-alice", to: "u-bob") == false)

            let alice = try stores.friends.requests(for: "u-alice")
            #expect(
                alice.incoming == [
                    .init(userId: "u-carol", username: "carol", createdAt: 10),
                    .init(userId: "u-bob", username: "bob", createdAt: 20),
                    .init(userId: "u-dave", username: "dave", createdAt: 20),
                ])
            #expect(alice.outgoing == [.init(userId: "u-dave", username: "dave", createdAt: 30)])
            #expect(try stores.friends.requests(for: "u-bob").outgoing.map(\.userId) == ["u-alice"])
            #expect(try stores.friends.requests(for: "u-nobody") == FriendRequests(incoming: [], outgoing: []))

            #expect(try stores.friends.removeRequest(from: "u-bob", to: "u-alice"))
            #expect(try stores.friends.removeRequest(from: "u-bob", to: "u-alice") == false)
            #expect(try stores.friends.requests(for: "u-alice").incoming.map(\.userId) == ["u-carol", "u-dave"])
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func requestsNeedTwoKnownUsers(backend: StoreBackend) throws {
        try backend.withStores { stores throws in
            try stores.addUsers("u-alice")
            #expect(throws: StoreError.sameUser) {
                try stores.friends.addRequest(from: "u-alice", to: "u-alice", at: 1)
            }
            #expect(throws: StoreError.unknownUser) { try stores.friends.addRequest(from: "u-alice", to: "u-x", at: 1) }
            #expect(throws: StoreError.unknownUser) { try stores.friends.addRequest(from: "u-x", to: "u-alice", at: 1) }
            #expect(try stores.friends.requests(for: "u-alice") == FriendRequests(incoming: [], outgoing: []))
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func makeFriendsIsMutualAndClearsRequestsBothWays(backend: StoreBackend) throws {
        try backend.withStores { stores throws in
            try stores.addUsers("u-alice", "u-bob", "u-carol")
            try stores.friends.addRequest(from: "u-alice", to: "u-bob", at: 1)
            try stores.friends.addRequest(from: "u-bob", to: "u-alice", at: 2)
            try stores.friends.addRequest(from: "u-carol", to: "u-bob", at: 3)
            #expect(try stores.friends.makeFriends("u-bob", "u-alice", since: 50))
            #expect(try stores.friends.areFriends("u-alice", "u-bob"))
            #expect(try stores.friends.areFriends("u-bob", "u-alice"))
            #expect(try stores.friends.hasRequest(from: "u-alice", to: "u-bob") == false)
            #expect(try stores.friends.hasRequest(from: "u-bob", to: "u-alice") == false)
            // Requests involving others stay.
            #expect(try stores.friends.hasRequest(from: "u-carol", to: "u-bob"))
            // Already friends: nothing changes, the original date stays.
            #expect(try stores.friends.makeFriends("u-alice", "u-bob", since: 99) == false)
            #expect(
                try stores.friends.friends(of: "u-alice") == [StoredFriend(userId: "u-bob", username: "bob", since: 50)]
            )
            #expect(
                try stores.friends.friends(of: "u-bob") == [
                    StoredFriend(userId: "u-alice", username: "alice", since: 50)
                ])
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func makeFriendsRefusesTheSameOrUnknownUserAndChangesNothing(backend: StoreBackend) throws {
        try backend.withStores { stores throws in
            try stores.addUsers("u-alice", "u-bob")
            try stores.friends.addRequest(from: "u-alice", to: "u-bob", at: 1)
            #expect(throws: StoreError.sameUser) { try stores.friends.makeFriends("u-alice", "u-alice", since: 1) }
            #expect(throws: StoreError.unknownUser) { try stores.friends.makeFriends("u-alice", "u-zed", since: 1) }
            #expect(throws: StoreError.unknownUser) { try stores.friends.makeFriends("u-zed", "u-alice", since: 1) }
            #expect(try stores.friends.friends(of: "u-alice").isEmpty)
            #expect(try stores.friends.hasRequest(from: "u-alice", to: "u-bob"))
            #expect(try stores.friends.areFriends("u-alice", "u-alice") == false)
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func friendsAreListedByUsernameFromEitherSide(backend: StoreBackend) throws {
        try backend.withStores { stores throws in
            // Ids sort differently from names, so both sides of the stored pair are exercised.
            try stores.users.upsert(id: "u-3", username: "carol", seenAt: 1)
            try stores.users.upsert(id: "u-1", username: "zed", seenAt: 1)
            try stores.users.upsert(id: "u-5", username: "bob", seenAt: 1)
            try stores.users.upsert(id: "u-4", username: "bob", seenAt: 1)
            try stores.users.upsert(id: "u-2", username: "Émile", seenAt: 1)
            for (other, since) in [("u-1", 10), ("u-5", 20), ("u-4", 30), ("u-2", 40)] {
                try stores.friends.makeFriends(other, "u-3", since: Int64(since))
            }
            let friends = try stores.friends.friends(of: "u-3")
            // Byte order: "bob" < "zed" < "Émile" (0xC3 sorts after ASCII); equal names by id.
            #expect(friends.map(\.userId) == ["u-4", "u-5", "u-1", "u-2"])
            #expect(friends.map(\.since) == [30, 20, 10, 40])
            #expect(try stores.friends.friends(of: "u-1").map(\.userId) == ["u-3"])
            #expect(try stores.friends.friends(of: "u-nobody").isEmpty)
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func unfriendEndsTheFriendshipOnce(backend: StoreBackend) throws {
        try backend.withStores { stores throws in
            try stores.addUsers("u-alice", "u-bob")
            try stores.friends.makeFriends("u-alice", "u-bob", since: 1)
            #expect(try stores.friends.unfriend("u-bob", "u-alice"))
            #expect(try stores.friends.unfriend("u-alice", "u-bob") == false)
            #expect(try stores.friends.areFriends("u-alice", "u-bob") == false)
            #expect(try stores.friends.friends(of: "u-alice").isEmpty)
            #expect(try stores.friends.unfriend("u-alice", "u-alice") == false)
            // They can become friends again, with the new date.
            #expect(try stores.friends.makeFriends("u-alice", "u-bob", since: 7))
            #expect(try stores.friends.friends(of: "u-bob").map(\.since) == [7])
        }
    }
}
